using System.Net;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Failover;

/// <summary>
/// Two silo processes clustered on PostgreSQL share one ledger. Each silo is stopped in turn while the other serves:
/// whichever silo hosted the user's grain, one of the two stops took it down, and the user's state and balance must
/// come back intact from PostgreSQL on the surviving silo.
/// </summary>
[Trait("Category", "Slow")]
[Trait("Category", "Failover")]
[Trait("Category", "Postgres")]
[Trait("Category", "Process")]
public sealed class TwoSiloPostgresTests(PostgresFixture database) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private PostgresSiloCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await PostgresSiloCluster.StartAsync(database.ConnectionString);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_user_survives_the_loss_of_either_silo()
    {
        var both = await HostProcess.StartAllAsync([StartSiloAsync, StartSiloAsync]);
        var (first, second) = (both[0], both[1]);
        var serving = first;
        var journey = new JourneyDriver(() => serving.ApiBase);
        try
        {
            using var admin = await journey.LoginAsync(PostgresSiloCluster.AdminEmail, PostgresSiloCluster.AdminPassword);
            await journey.BootstrapAsync(admin);
            using var dana = await journey.RegisterActiveUserAsync(admin, "dana@gx.test", "DE");
            await JourneyDriver.WaitForBalanceAsync(dana.Client, dana.UserId, "500");

            // Stop the first silo; the second serves the user from persisted state.
            await first.StopAsync();
            serving = second;
            await AssertUserIntactAsync(journey, dana.UserId);

            // Bring a silo back, stop the second: the grain must move again.
            first = await StartSiloAsync();
            await second.StopAsync();
            serving = first;
            await AssertUserIntactAsync(journey, dana.UserId);
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
        }
    }

    private static async Task AssertUserIntactAsync(JourneyDriver journey, string userId)
    {
        using var dana = await Eventually.MatchesAsync(async () =>
            {
                try
                {
                    return await journey.LoginAsync("dana@gx.test", JourneyDriver.UserPassword);
                }
                catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException or Xunit.Sdk.XunitException)
                {
                    return null;
                }
            }, client => client is not null, "the surviving silo to log dana in", TimeSpan.FromSeconds(60))
            ?? throw new InvalidOperationException("unreachable");
        var profile = await Eventually.MatchesAsync(() => dana.GetAsync($"/identity/api/v1/users/{userId}"),
            r => r.Status == HttpStatusCode.OK, "dana's profile on the surviving silo", TimeSpan.FromSeconds(60));
        Assert.Equal("ACTIVE", profile["status"]);
        var balance = await dana.GetAsync($"/tokenomics/api/v1/wallets/{userId}/balance");
        Assert.Equal("500", balance["balance"]);
        var history = await dana.GetAsync($"/tokenomics/api/v1/wallets/{userId}/transactions");
        Assert.Equal("GENESIS", history.Json["items"]![0]!["kind"]!.ToString());
    }

    private Task<HostProcess> StartSiloAsync() => _cluster.StartSiloAsync();
}
