using System.Net;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.ApiFrontends.Infrastructure.RateLimiting;
using GxProtocol.Backend.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace GxProtocol.Backend.Tests.ApiInfrastructure;

public sealed class RateLimitingTests
{
    private static void Map(WebApplication app)
    {
        app.MapGet("/tax/api/v1/ping", () => TypedResults.Ok());
        app.MapPost("/tax/api/v1/write", () => TypedResults.Ok()).RequireRateLimiting(RateLimitingOptions.WritesPolicy);
    }

    [Fact]
    public async Task Requests_beyond_the_burst_get_429_problem_with_retry_after()
    {
        await using var api = await TestApi.StartAsync(Map, new Dictionary<string, string?>
        {
            ["Gx:RateLimiting:Enabled"] = "true",
            ["Gx:RateLimiting:PermitsPerSecond"] = "1",
            ["Gx:RateLimiting:Burst"] = "3",
        });
        var client = api.CreateClient();

        // Sent together, so a slow machine cannot spread them over many replenishments; the bound below still allows
        // one token per second the batch took, so the assertion holds whatever the load.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.GetAsync("/tax/api/v1/ping")));
        var elapsedSeconds = (int)Math.Ceiling(clock.Elapsed.TotalSeconds);
        var statuses = responses.Select(r => r.StatusCode).ToList();

        var ok = statuses.Count(s => s == HttpStatusCode.OK);
        Assert.True(ok >= 3 && ok <= 3 + elapsedSeconds, $"{ok} OK in {elapsedSeconds} s: {string.Join(",", statuses)}");
        Assert.Equal(10, ok + statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        var rejected = responses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.NotNull(rejected);
        Assert.True(rejected.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After must be at least one second.");
        await ProblemAssertions.AssertProblemAsync(rejected, HttpStatusCode.TooManyRequests, ProblemCodes.RateLimited);
    }

    [Fact]
    public async Task Writes_policy_is_tighter_than_the_global_limit()
    {
        await using var api = await TestApi.StartAsync(Map, new Dictionary<string, string?>
        {
            ["Gx:RateLimiting:Enabled"] = "true",
            ["Gx:RateLimiting:PermitsPerSecond"] = "1000",
            ["Gx:RateLimiting:Burst"] = "1000",
            ["Gx:RateLimiting:WritePermitsPerSecond"] = "1",
            ["Gx:RateLimiting:WriteBurst"] = "2",
        });
        var client = api.CreateClient();

        // Concurrent, so the writes' bucket (burst 2, 1/s) is exhausted however slowly the machine sends them one by one.
        var writes = (await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostAsync("/tax/api/v1/write", null)))).Select(r => r.StatusCode).ToList();
        Assert.Contains(HttpStatusCode.TooManyRequests, writes);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tax/api/v1/ping")).StatusCode);
    }

    [Fact]
    public async Task Disabled_means_no_limit_at_all()
    {
        await using var api = await TestApi.StartAsync(Map, new Dictionary<string, string?>
        {
            ["Gx:RateLimiting:Enabled"] = "false",
            ["Gx:RateLimiting:PermitsPerSecond"] = "1",
            ["Gx:RateLimiting:Burst"] = "1",
            ["Gx:RateLimiting:WritePermitsPerSecond"] = "1",
            ["Gx:RateLimiting:WriteBurst"] = "1",
        });
        var client = api.CreateClient();
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tax/api/v1/ping")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/tax/api/v1/write", null)).StatusCode);
        }
    }

    [Theory]
    [InlineData("PermitsPerSecond", "0")]
    [InlineData("Burst", "-5")]
    [InlineData("WriteBurst", "0")]
    public async Task Bad_settings_stop_start_up_naming_the_key(string key, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApi.StartAsync(Map,
            new Dictionary<string, string?> { [$"Gx:RateLimiting:{key}"] = value }));
        Assert.Contains($"Gx:RateLimiting:{key}", error.Message, StringComparison.Ordinal);
    }
}
