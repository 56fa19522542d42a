using System.Net;
using GxProtocol.Backend.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GxProtocol.Backend.Tests.ApiInfrastructure;

/// <summary>
/// Issue 10 point 12: a grain that is momentarily unreachable, or whose storage momentarily fails, answers 503
/// problem+json with Retry-After (it used to be 500); other failures stay 500.
/// </summary>
public sealed class TransientFailureTests : IAsyncLifetime
{
    private static readonly Dictionary<string, Func<Exception>> Failures = new()
    {
        ["silo-dead"] = () => new SiloUnavailableException("the silo hosting the activation is dead"),
        ["timeout"] = () => new TimeoutException("response did not arrive on time"),
        ["storage"] = () => new OrleansException("Error from storage provider", new Npgsql.NpgsqlException("Exception while reading from stream")),
        ["etag"] = () => new Orleans.Storage.InconsistentStateException("version conflict"),
        ["aggregate"] = () => new AggregateException(new SiloUnavailableException("gone")),
        ["bug"] = () => new InvalidOperationException("a real bug"),
    };

    private TestApi _api = null!;

    public async Task InitializeAsync() => _api = await TestApi.StartAsync(app =>
        app.MapGet("/tax/api/v1/fail/{kind}", (string kind) => FailWith(kind)));

    private static IResult FailWith(string kind) => throw Failures[kind]();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Theory]
    [InlineData("silo-dead")]
    [InlineData("timeout")]
    [InlineData("storage")]
    [InlineData("etag")]
    [InlineData("aggregate")]
    public async Task A_transient_failure_is_503_problem_with_retry_after(string kind)
    {
        var response = await _api.CreateClient().GetAsync($"/tax/api/v1/fail/{kind}");
        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "service_unavailable");
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Any_other_failure_stays_500_without_retry_after()
    {
        var response = await _api.CreateClient().GetAsync("/tax/api/v1/fail/bug");
        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.InternalServerError, "internal_error");
        Assert.Null(response.Headers.RetryAfter);
    }
}
