using System.Net;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Hosting;

/// <summary>
/// Issue 10 point 6: the ops endpoints answer on the ops port only, whatever Host header a client writes on the API
/// port (they used to be chosen by <c>RequireHost("*:ops")</c>, so <c>Host: x:8080</c> on :3000 reached them).
/// </summary>
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class OpsPortIsolationTests(OpsPortIsolationTests.SiloWithDashboard fixture) : IClassFixture<OpsPortIsolationTests.SiloWithDashboard>
{
    /// <summary>One embedded silo with its dashboard on, shared by the cases.</summary>
    public sealed class SiloWithDashboard : IAsyncLifetime
    {
        public HostProcess Silo { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Silo = await HostProcess.StartSiloAsync(new Dictionary<string, string> { ["Gx:Host:DashboardEnabled"] = "true" });

        public async Task DisposeAsync()
        {
            if (Silo is not null)
            {
                await Silo.DisposeAsync();
            }
        }
    }

    private HostProcess Silo => fixture.Silo;

    private static async Task<HttpStatusCode> GetAsync(Uri baseAddress, string path, string? host = null)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (host is not null)
        {
            request.Headers.Host = host;
        }
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/login")]
    [InlineData("/health/ready")]
    [InlineData("/health/live")]
    public async Task The_api_port_never_serves_ops_endpoints_whatever_the_host_header(string path)
    {
        var opsPort = Silo.OpsBase.Port;
        Assert.Equal(HttpStatusCode.OK, await GetAsync(Silo.OpsBase, path));

        foreach (var host in new[] { $"x:{opsPort}", $"127.0.0.1:{opsPort}", $"localhost:{opsPort}", "x", $"127.0.0.1:{Silo.ApiPort}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, await GetAsync(Silo.ApiBase, path, host));
        }
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(Silo.ApiBase, path));
    }
}
