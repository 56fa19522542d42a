using System.Collections.Concurrent;
using System.Net;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Failover;

/// <summary>
/// Issue 10 point 12: PostgreSQL restarted at once (as `pg_ctl -m immediate restart`) under a load of transfers and
/// reads: clients see 503 with Retry-After while it is down, never 500, and every acknowledged transfer commits.
/// </summary>
[Trait("Category", "Slow")]
[Trait("Category", "Failover")]
[Trait("Category", "Postgres")]
[Trait("Category", "Process")]
public sealed class PostgresRestartUnderLoadTests
{
    [Fact]
    public async Task A_database_restart_under_load_answers_503_never_500_and_loses_nothing()
    {
        // An immediate stop loses commits acknowledged before their WAL was written; durability on, as in production.
        var database = await ThrowawayPostgresServer.StartAsync(durableCommits: true);
        try
        {
            await using var cluster = await PostgresSiloCluster.StartAsync(database.ConnectionString);
            await using var silo = await cluster.StartSiloAsync();
            var journey = new JourneyDriver(() => silo.ApiBase);
            using var admin = await journey.LoginAsync(PostgresSiloCluster.AdminEmail, PostgresSiloCluster.AdminPassword);
            await journey.BootstrapAsync(admin);
            using var alice = await journey.RegisterActiveUserAsync(admin, "alice@restart.test", "MY");
            using var bob = await journey.RegisterActiveUserAsync(admin, "bob@restart.test", "MY");

            var statuses = new ConcurrentBag<(HttpStatusCode Status, string Body, bool RetryAfter)>();
            var acknowledged = new ConcurrentBag<string>();
            using var stop = new CancellationTokenSource();
            async Task LoadAsync(RegisteredUser from, RegisteredUser to)
            {
                using var client = new HttpClient { BaseAddress = silo.ApiBase, Timeout = TimeSpan.FromSeconds(30) };
                client.DefaultRequestHeaders.Authorization = new("Bearer", from.Client.AccessToken);
                while (!stop.IsCancellationRequested)
                {
                    using var transfer = new HttpRequestMessage(HttpMethod.Post, "/tokenomics/api/v1/transfers")
                    {
                        Content = JsonContent($"{{\"toUserId\":\"{to.UserId}\",\"amount\":\"0.01\"}}"),
                    };
                    transfer.Headers.Add("X-Idempotency-Key", $"restart-{Guid.NewGuid():N}");
                    await RecordAsync(client, transfer, statuses, acknowledged);
                    await RecordAsync(client, new HttpRequestMessage(HttpMethod.Get, $"/tokenomics/api/v1/wallets/{from.UserId}/balance"), statuses, null);
                }
            }
            var load = new[] { LoadAsync(alice, bob), LoadAsync(bob, alice) };

            await Eventually.MatchesAsync(() => Task.FromResult(acknowledged.Count), n => n >= 10, "10 acknowledged transfers before the restart");
            await database.StopImmediatelyAsync();
            await Eventually.MatchesAsync(() => Task.FromResult(statuses.Count(s => s.Status == HttpStatusCode.ServiceUnavailable)), n => n >= 1,
                "a request to meet the database outage", TimeSpan.FromSeconds(60));
            await database.StartAgainAsync();
            var afterRestart = acknowledged.Count;
            await Eventually.MatchesAsync(() => Task.FromResult(acknowledged.Count), n => n >= afterRestart + 10,
                "10 more acknowledged transfers after the restart", TimeSpan.FromSeconds(90));
            stop.Cancel();
            await Task.WhenAll(load);

            var errors = statuses.Where(s => (int)s.Status >= 500 && s.Status != HttpStatusCode.ServiceUnavailable).ToList();
            Assert.True(errors.Count == 0, $"{errors.Count} of {statuses.Count} answers were 5xx other than 503, e.g. {errors.FirstOrDefault()}\n{silo.Output}");
            Assert.All(statuses.Where(s => s.Status == HttpStatusCode.ServiceUnavailable), s => Assert.True(s.RetryAfter, $"503 without Retry-After: {s.Body}"));
            foreach (var commandId in acknowledged)
            {
                await Eventually.MatchesAsync(() => admin.GetAsync($"/identity/api/v1/commands/{commandId}"),
                    r => r.Status == HttpStatusCode.OK && r["status"] == "COMMITTED", $"acknowledged command {commandId} to commit", TimeSpan.FromSeconds(90));
            }
        }
        finally
        {
            await database.DeleteAsync();
        }
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static async Task RecordAsync(HttpClient client, HttpRequestMessage request, ConcurrentBag<(HttpStatusCode, string, bool)> statuses,
        ConcurrentBag<string>? acknowledged)
    {
        using (request)
        {
            try
            {
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                statuses.Add((response.StatusCode, body, response.Headers.RetryAfter is not null));
                if (acknowledged is not null && response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK)
                {
                    acknowledged.Add(System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("commandId").GetString()!);
                }
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200));
                }
            }
            catch (TaskCanceledException)
            {
                // A request that outlived the client timeout during the outage: not an answer, so not counted.
            }
        }
    }
}
