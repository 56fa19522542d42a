using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GxProtocol.ApiFrontends.Documents;
using GxProtocol.ApiFrontends.Identity;
using GxProtocol.ApiFrontends.Infrastructure;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.Backend.Tests.ApiInfrastructure;
using GxProtocol.Backend.Tests.Grains;
using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GxProtocol.Backend.Tests.Documents;

/// <summary>
/// The identity routes with KYC documents on TestServer: real user grains (in-process cluster), the directory store in
/// a temporary directory, and whatever clamd settings the test gives. Tokens are minted for planted users.
/// </summary>
internal sealed class DocumentApi : IAsyncDisposable
{
    private readonly TestApi _api;
    private readonly IClusterClient _grains;

    private DocumentApi(TestApi api, IClusterClient grains, string directory)
    {
        _api = api;
        _grains = grains;
        Directory = directory;
    }

    /// <summary>Where the directory store keeps this API's documents.</summary>
    public string Directory { get; }

    public IDocumentStore Store => _api.Services.GetRequiredService<IDocumentStore>();

    public static async Task<DocumentApi> StartAsync(IClusterClient grains, IDictionary<string, string?> settings, TimeProvider? clock = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("gx-documents-api-").FullName;
        var configuration = new Dictionary<string, string?>(settings) { ["Gx:Documents:Directory"] = directory };
        try
        {
            var api = await TestApi.StartAsync(app => app.MapIdentityApi(), configuration, services =>
            {
                services.AddSingleton<IGrainFactory>(grains);
                services.AddSingleton<SessionTokens>();
                if (clock is not null)
                {
                    services.AddSingleton(clock);
                }
                services.AddGxDocuments(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
            });
            return new DocumentApi(api, grains, directory);
        }
        catch
        {
            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>A registered user (status REGISTERED, e-mail address confirmed, so KYC may follow) and a client holding their token.</summary>
    public async Task<(Guid UserId, HttpClient Client)> NewUserAsync()
    {
        var userId = Guid.NewGuid();
        var email = $"{userId:N}@documents.test";
        await _grains.GetGrain<IUserGrain>(userId).RegisterAsync(new RegisterUser(email, "not-a-login-hash", "Doc", "Owner", null, null, "MY", new DateOnly(1990, 1, 1)));
        await new GrainJourney(_grains).VerifyEmailAsync(userId, email);
        return (userId, ClientFor(userId, email, GxRoles.User));
    }

    public HttpClient AdminClient() => ClientFor(Guid.NewGuid(), "admin@documents.test", GxRoles.Admin);

    public HttpClient AnonymousClient() => _api.CreateClient();

    private HttpClient ClientFor(Guid userId, string email, string role)
    {
        var client = _api.CreateClient();
        var token = _api.Services.GetRequiredService<AccessTokenIssuer>().Issue(userId, email, role).Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid ownerId, byte[] bytes, string fileName, string declaredType, string? kind = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        form.Add(file, DocumentIntake.FileField, fileName);
        if (kind is not null)
        {
            form.Add(new StringContent(kind), DocumentIntake.KindField);
        }
        return client.PostAsync($"/identity/api/v1/users/{ownerId}/documents", form);
    }

    /// <summary>POST /users/{id}/kyc with a fresh idempotency key.</summary>
    public static Task<HttpResponseMessage> SubmitKycAsync(HttpClient client, Guid userId, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/identity/api/v1/users/{userId}/kyc") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Idempotency-Key", $"kyc-{Guid.NewGuid():N}");
        return client.SendAsync(request);
    }

    /// <summary>DELETE /documents/{id} with a fresh idempotency key.</summary>
    public static Task<HttpResponseMessage> DeleteDocumentAsync(HttpClient client, Guid documentId)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/identity/api/v1/documents/{documentId}");
        request.Headers.Add("X-Idempotency-Key", $"delete-{Guid.NewGuid():N}");
        return client.SendAsync(request);
    }

    public static async Task<IReadOnlyList<DocumentResponse>> ListAsync(HttpClient client, Guid ownerId)
    {
        var response = await client.GetAsync($"/identity/api/v1/users/{ownerId}/documents");
        return (await ReadAsync<DocumentListResponse>(response, System.Net.HttpStatusCode.OK)).Items;
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Asserts the status (showing the body when it differs) and reads the JSON answer.</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, System.Net.HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    /// <summary>Every byte file the directory store holds (the bytes of stored documents).</summary>
    public IReadOnlyList<string> StoredContentFiles() =>
        System.IO.Directory.Exists(Path.Combine(Directory, "content")) ? System.IO.Directory.GetFiles(Path.Combine(Directory, "content")) : [];

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
