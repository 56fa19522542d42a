using GxProtocol.ApiFrontends.Infrastructure.Metrics;
using GxProtocol.Backend.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GxProtocol.Backend.Tests.ApiInfrastructure;

public sealed class HttpMetricsTests
{
    [Theory]
    [InlineData("/identity/api/v1/users", "identity")]
    [InlineData("/loanpool", "loanpool")]
    [InlineData("/tax/api/v1/accounts/x", "tax")]
    [InlineData("/metrics", "other")]
    [InlineData("/identityx/api", "other")]
    [InlineData("/", "other")]
    [InlineData("", "other")]
    public void Service_is_the_first_segment_when_known(string path, string service) =>
        Assert.Equal(service, GxHttpMetrics.ServiceOf(path));

    [Fact]
    public async Task Requests_are_counted_by_service_method_and_code_and_timed()
    {
        await using var api = await TestApi.StartAsync(app =>
        {
            app.MapGet("/identity/api/v1/ping", () => TypedResults.Ok());
            app.MapGet("/governance/api/v1/boom", IResult () => throw new InvalidOperationException("boom"));
        });
        var metrics = api.Services.GetRequiredService<GxHttpMetrics>();
        var client = api.CreateClient();

        await client.GetAsync("/identity/api/v1/ping");
        await client.GetAsync("/identity/api/v1/ping");
        await client.PostAsync("/identity/api/v1/ping", null);
        await client.GetAsync("/governance/api/v1/boom");
        await client.GetAsync("/nowhere");

        Assert.Equal(2, metrics.Requests.WithLabels("identity", "GET", "200").Value);
        Assert.Equal(1, metrics.Requests.WithLabels("identity", "POST", "405").Value);
        Assert.Equal(1, metrics.Requests.WithLabels("governance", "GET", "500").Value);
        Assert.Equal(1, metrics.Requests.WithLabels("other", "GET", "404").Value);
        Assert.Equal(3, metrics.Duration.WithLabels("identity").Count);
    }
}
