using System.Net;
using GxProtocol.ApiFrontends.Infrastructure;
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

        // Requests are back to back; at most one token can be replenished meanwhile, so of 10 at least 6 fail.
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < 10; i++)
        {
            var response = await client.GetAsync("/tax/api/v1/ping");
            statuses.Add(response.StatusCode);
            rejected ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.All(statuses.Take(3), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.True(statuses.Count(s => s == HttpStatusCode.TooManyRequests) >= 6, string.Join(",", statuses));
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

        var writes = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            writes.Add((await client.PostAsync("/tax/api/v1/write", null)).StatusCode);
        }
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
