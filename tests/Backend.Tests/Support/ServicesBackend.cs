using System.Net;

namespace GxProtocol.Backend.Tests.Support;

/// <summary>
/// One embedded backend (a real silo process with its in-process DevLedger) shared by the per-route tests of every
/// service: bootstrapped, countries MY (10%) and DE (5%) initialized. Tests make their own users, so they never
/// depend on each other's state.
/// </summary>
public sealed class ServicesBackend : IAsyncLifetime
{
    public const string SuperAdminEmail = "root@services.test";
    public const string SuperAdminPassword = "services super admin password";

    private HostProcess _silo = null!;

    public JourneyDriver Journey { get; }

    public GxApiClient SuperAdmin { get; private set; } = null!;

    public ServicesBackend() => Journey = new JourneyDriver(() => _silo.ApiBase);

    public Uri ApiBase => _silo.ApiBase;

    public async Task InitializeAsync()
    {
        _silo = await HostProcess.StartSiloAsync(new Dictionary<string, string>
        {
            ["Gx:Bootstrap:SuperAdminEmail"] = SuperAdminEmail,
            ["Gx:Bootstrap:SuperAdminPassword"] = SuperAdminPassword,
            // The super admin logs in once for the whole collection, which outlasts a 5-minute admin token on a loaded machine.
            ["Gx:Jwt:AccessTokenMinutes"] = "240",
            ["Gx:Jwt:AdminAccessTokenMinutes"] = "240",
            // WebhookRouteTests' receivers listen on 127.0.0.1 over http; retries come quickly so a test sees them.
            ["Gx:Webhooks:AllowedHosts:0"] = "127.0.0.1",
            ["Gx:Webhooks:AllowInsecureHttp"] = "true",
            ["Gx:Webhooks:BaseRetryDelay"] = "00:00:00.200",
            ["Gx:Webhooks:LargeTransferThresholdCoins"] = "100",
        });
        SuperAdmin = await Journey.LoginAsync(SuperAdminEmail, SuperAdminPassword);
        await Journey.BootstrapAsync(SuperAdmin);
    }

    /// <summary>A new ACTIVE user on chain (genesis paid: 500 coins in phase 1), with a logged-in client.</summary>
    public Task<RegisteredUser> NewActiveUserAsync(string country = "MY") =>
        Journey.RegisterActiveUserAsync(SuperAdmin, $"{Guid.NewGuid():N}@services.test", country);

    /// <summary>A registered user who has not been approved (not on chain).</summary>
    public Task<RegisteredUser> NewRegisteredUserAsync(string country = "MY") =>
        Journey.RegisterAsync($"{Guid.NewGuid():N}@services.test", country);

    /// <summary>A client with no token.</summary>
    public GxApiClient Anonymous() => new(ApiBase);

    /// <summary>Waits until a command is COMMITTED and returns its status.</summary>
    public Task<ApiResponse> WaitForCommitAsync(GxApiClient client, string commandId) =>
        Eventually.MatchesAsync(() => client.GetAsync($"/identity/api/v1/commands/{commandId}"),
            r => r.Status == HttpStatusCode.OK && r["status"] is "COMMITTED" or "FAILED", $"command {commandId} to finish");

    public async Task DisposeAsync()
    {
        SuperAdmin?.Dispose();
        await _silo.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ServicesCollection : ICollectionFixture<ServicesBackend>
{
    public const string Name = "services";
}
