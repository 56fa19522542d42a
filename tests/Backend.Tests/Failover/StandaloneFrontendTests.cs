using System.Net;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Failover;

/// <summary>
/// A frontend in its own process (<c>--service tokenomics</c>) joins a PostgreSQL-clustered silo as an Orleans client
/// and serves that one service, with the same tokens the silo issues.
/// </summary>
[Trait("Category", "Slow")]
[Trait("Category", "Failover")]
[Trait("Category", "Postgres")]
[Trait("Category", "Process")]
public sealed class StandaloneFrontendTests(PostgresFixture database) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private PostgresSiloCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await PostgresSiloCluster.StartAsync(database.ConnectionString);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task The_tokenomics_frontend_serves_its_routes_and_only_those()
    {
        await using var silo = await _cluster.StartSiloAsync();
        await using var tokenomics = await HostProcess.StartFrontendAsync("tokenomics", _cluster.FrontendSettings(), TimeSpan.FromSeconds(90));

        var journey = new JourneyDriver(() => silo.ApiBase);
        using var admin = await journey.LoginAsync(PostgresSiloCluster.AdminEmail, PostgresSiloCluster.AdminPassword);
        await journey.BootstrapAsync(admin);
        using var erin = await journey.RegisterActiveUserAsync(admin, "erin@gx.test", "MY");
        using var finn = await journey.RegisterActiveUserAsync(admin, "finn@gx.test", "DE");

        using var viaFrontend = new GxApiClient(tokenomics.ApiBase) { AccessToken = erin.Client.AccessToken };
        await JourneyDriver.WaitForBalanceAsync(viaFrontend, erin.UserId, "500");
        var transfer = await viaFrontend.PostAsync("/tokenomics/api/v1/transfers", new { toUserId = finn.UserId, amount = "100" }, preferWait: 20);
        Assert.True(transfer.Status == HttpStatusCode.OK && transfer["status"] == "COMMITTED", $"transfer via the frontend: {transfer}");
        // Cross-border, 100 coins: 15 bps = 0.15 coins, the sender pays half.
        await JourneyDriver.WaitForBalanceAsync(viaFrontend, erin.UserId, "399.925");

        // History comes from the read models through a grain in another process: the page type crosses the wire.
        var history = await viaFrontend.GetAsync($"/tokenomics/api/v1/wallets/{erin.UserId}/transactions?limit=1");
        Assert.True(history.Status == HttpStatusCode.OK, $"history via the frontend: {history}");
        Assert.Equal("TRANSFER_OUT", history.Json["items"]![0]!["kind"]!.ToString());
        Assert.NotNull(history.Json["nextCursor"]);

        var otherService = await viaFrontend.GetAsync($"/identity/api/v1/users/{erin.UserId}");
        Assert.Equal(HttpStatusCode.NotFound, otherService.Status);
    }
}
