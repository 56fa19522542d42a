using System.Diagnostics;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Hosting;

/// <summary>
/// Issue 10 point 13: a silo whose PostgreSQL has gone still ends within Gx:Host:ShutdownTimeoutSeconds of a SIGTERM
/// (it used to keep retrying its membership goodbye for many minutes).
/// </summary>
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
[Trait("Category", "Postgres")]
public sealed class BoundedShutdownTests
{
    [Fact]
    public async Task A_silo_whose_database_is_gone_exits_within_the_shutdown_bound_after_SIGTERM()
    {
        var database = await ThrowawayPostgresServer.StartAsync();
        try
        {
            await using var cluster = await PostgresSiloCluster.StartAsync(database.ConnectionString);
            await using var silo = await cluster.StartSiloAsync(new Dictionary<string, string> { ["Gx:Host:ShutdownTimeoutSeconds"] = "5" });

            await database.StopImmediatelyAsync();
            var clock = Stopwatch.StartNew();
            silo.Terminate();
            await Eventually.WaitUntilAsync(() => Task.FromResult(silo.HasExited), TimeSpan.FromSeconds(30),
                "the silo to exit after SIGTERM with its database gone");

            // 5 s bound plus the time a loaded machine needs to notice and end the process.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"shutdown took {clock.Elapsed}:\n{silo.Output}");
        }
        finally
        {
            await database.DeleteAsync();
        }
    }
}
