using System.Net;
using GxProtocol.Backend.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GxProtocol.Backend.Tests.ApiInfrastructure;

public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private TestApi _api = null!;

    public async Task InitializeAsync() => _api = await TestApi.StartAsync(app =>
    {
        app.MapGet("/identity/api/v1/ping", () => TypedResults.Ok("pong"));
        app.MapGet("/dashboard/index.html", () => TypedResults.Text("<html></html>", "text/html"));
    });

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Theory]
    [InlineData("/identity/api/v1/ping", HttpStatusCode.OK)]
    [InlineData("/missing", HttpStatusCode.NotFound)]
    public async Task Api_responses_carry_the_security_headers(string path, HttpStatusCode status)
    {
        var response = await _api.CreateClient().GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS must not be sent over plain HTTP.");
    }

    [Fact]
    public async Task Https_requests_get_hsts()
    {
        var response = await _api.CreateClient("https://localhost/").GetAsync("/identity/api/v1/ping");
        Assert.StartsWith("max-age=", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_is_not_blocked_by_the_api_csp()
    {
        var response = await _api.CreateClient().GetAsync("/dashboard/index.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"Header {name} is missing.");
}
