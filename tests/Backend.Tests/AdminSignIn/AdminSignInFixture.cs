using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GxProtocol.ApiFrontends.Admin;
using GxProtocol.ApiFrontends.Identity;
using GxProtocol.ApiFrontends.Infrastructure;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.Backend.Tests.ApiInfrastructure;
using GxProtocol.Backend.Tests.Grains;
using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace GxProtocol.Backend.Tests.AdminSignIn;

/// <summary>
/// The identity and admin routes on TestServer over an in-process cluster with the real grains, with admin two-factor
/// required (as outside the embedded default), so a test can plant admins and sign them in step by step.
/// </summary>
public sealed class AdminSignInFixture : IAsyncLifetime
{
    public const string Password = "admin sign-in password";

    private readonly MemoryLedgerClusterFixture _cluster = new();
    private TestApi _api = null!;

    public IClusterClient Grains => _cluster.Client;

    public async Task InitializeAsync()
    {
        await _cluster.InitializeAsync();
        _api = await TestApi.StartAsync(app =>
        {
            app.MapIdentityApi();
            app.MapAdminApi();
        }, new Dictionary<string, string?>
        {
            ["Gx:Jwt:AccessTokenMinutes"] = "15",
            ["Gx:Jwt:AdminAccessTokenMinutes"] = "5",
            ["Gx:Jwt:AdminRefreshIdleMinutes"] = "60",
        }, services =>
        {
            services.AddSingleton<IGrainFactory>(_cluster.Client);
            services.AddSingleton<SessionTokens>();
            services.AddGxAdminSignIn(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Gx:Auth:RequireAdminTwoFactor"] = "true" }).Build());
        });
    }

    public HttpClient Client(string? accessToken = null)
    {
        var client = _api.CreateClient();
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        return client;
    }

    /// <summary>A user registered straight on the grains with <see cref="Password"/> and the given role.</summary>
    public async Task<(Guid UserId, string Email)> PlantAsync(UserRole role)
    {
        var email = $"{Guid.NewGuid():N}@adminsignin.test";
        var userId = Guid.NewGuid();
        Assert.Equal(userId, await Grains.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.KeyFor(email)).ClaimAsync(userId));
        await Grains.GetGrain<IUserGrain>(userId).RegisterAsync(new RegisterUser(
            email, PasswordHasher.Hash(Password), "Ad", "Min", null, null, "MY", new DateOnly(1985, 5, 5), role));
        return (userId, email);
    }

    public async Task<HttpResponseMessage> LoginAsync(string email, string password = Password) =>
        await Client().PostAsJsonAsync("/identity/api/v1/auth/login", new { email, password });

    /// <summary>Logs in with the password and returns the challenge token of the 401 that asks for the second factor.</summary>
    public async Task<string> ChallengeAsync(string email, string expectedCode = "two_factor_required")
    {
        var problem = await ProblemAssertions.AssertProblemAsync(await LoginAsync(email), HttpStatusCode.Unauthorized, expectedCode);
        return problem.GetProperty(IdentityApi.ChallengeTokenKey).GetString()!;
    }

    public async Task<HttpResponseMessage> SecondStepAsync(string challengeToken, string code) =>
        await Client().PostAsJsonAsync("/identity/api/v1/auth/two-factor", new { challengeToken, code });

    /// <summary>
    /// A planted admin who enrolled at their first login (required mode): the secret, the backup codes, and the
    /// session that login gave.
    /// </summary>
    public async Task<EnrolledAdmin> EnrolledAdminAsync(UserRole role = UserRole.Admin)
    {
        var (userId, email) = await PlantAsync(role);
        var challenge = await ChallengeAsync(email, "two_factor_enrolment_required");
        var enrolment = await Json(await Client().PostAsJsonAsync("/identity/api/v1/auth/two-factor/enrolment", new { challengeToken = challenge }));
        var secret = enrolment.GetProperty("secret").GetString()!;
        var backupCodes = enrolment.GetProperty("backupCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        var session = await Json(await SecondStepAsync(challenge, CodeAt(secret, DateTime.UtcNow)));
        return new EnrolledAdmin(userId, email, secret, backupCodes, enrolment, session);
    }

    /// <summary>The authenticator app's code for <paramref name="secret"/> at <paramref name="when"/>, computed by Otp.NET.</summary>
    public static string CodeAt(string secret, DateTime when) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(when);

    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Expected success, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
        await _cluster.DisposeAsync();
    }
}

public sealed record EnrolledAdmin(Guid UserId, string Email, string Secret, IReadOnlyList<string> BackupCodes, JsonElement Enrolment, JsonElement Session)
{
    public string AccessToken => Session.GetProperty("accessToken").GetString()!;
    public string RefreshToken => Session.GetProperty("refreshToken").GetString()!;
}
