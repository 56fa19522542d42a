using System.Net.Http.Json;
using System.Text.Json;
using GxProtocol.ApiFrontends.Identity;
using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Users;
using Microsoft.Extensions.DependencyInjection;

namespace GxProtocol.Backend.Tests.Sessions;

/// <summary>
/// The identity routes on TestServer over an in-process cluster with the real user grains, so a test can both call
/// the API and look at (or plant) what the grains store.
/// </summary>
public sealed class IdentityApiFixture : IAsyncLifetime
{
    private readonly MemoryLedgerClusterFixture _cluster = new();
    private TestApi _api = null!;

    public IClusterClient Grains => _cluster.Client;

    public async Task InitializeAsync()
    {
        await _cluster.InitializeAsync();
        _api = await TestApi.StartAsync(app => app.MapIdentityApi(), ConfigureApi(), services =>
        {
            services.AddSingleton<IGrainFactory>(_cluster.Client);
            services.AddSingleton<SessionTokens>();
        });
    }

    /// <summary>Settings the identity routes run with in these tests.</summary>
    public static Dictionary<string, string?> ConfigureApi() => new()
    {
        ["Gx:Jwt:SessionMaxDays"] = "90",
    };

    public HttpClient Client() => _api.CreateClient();

    public T Service<T>() where T : notnull => _api.Services.GetRequiredService<T>();

    /// <summary>Registers a user straight on the grains with the given stored hash (as an older release stored it).</summary>
    public async Task<(Guid UserId, string Email)> PlantUserAsync(string passwordHash)
    {
        var email = $"{Guid.NewGuid():N}@sessions.test";
        var userId = Guid.NewGuid();
        Assert.Equal(userId, await Grains.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.KeyFor(email)).ClaimAsync(userId));
        await Grains.GetGrain<IUserGrain>(userId).RegisterAsync(new RegisterUser(email, passwordHash, "Plant", "Ed", null, null, "MY", new DateOnly(1990, 1, 1)));
        return (userId, email);
    }

    public async Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        await Client().PostAsJsonAsync("/identity/api/v1/auth/login", new { email, password });

    public async Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        await Client().PostAsJsonAsync("/identity/api/v1/auth/refresh", new { refreshToken });

    public static async Task<string> RefreshTokenOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Expected success, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("refreshToken").GetString()!;
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
