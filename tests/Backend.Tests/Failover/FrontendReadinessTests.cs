using System.Net;
using System.Security.Cryptography;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Failover;

/// <summary>A standalone frontend reports unready (leaving its Service's endpoints) while it cannot reach a silo.</summary>
[Trait("Category", "Process")]
[Trait("Category", "Slow")]
[Trait("Category", "Failover")]
public sealed class FrontendReadinessTests
{
    [Fact]
    public async Task A_frontend_is_ready_while_a_silo_answers_and_unready_once_none_does()
    {
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var gatewayPort = FreePorts.Next().ToString();
        await using var silo = await HostProcess.StartSiloAsync(new Dictionary<string, string>
        {
            ["Gx:Host:GatewayPort"] = gatewayPort,
            ["Gx:Jwt:SigningKey"] = signingKey,
        }, TimeSpan.FromSeconds(90));
        await using var frontend = await HostProcess.StartFrontendAsync("tax", new Dictionary<string, string>
        {
            // The frontend's old name for Gx:Host:GatewayPort: still honoured (it reaches the silo), and warned about.
            ["Gx:Orleans:GatewayPort"] = gatewayPort,
            ["Gx:Jwt:SigningKey"] = signingKey,
        }, TimeSpan.FromSeconds(90));

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var ready = new Uri(frontend.ApiBase, "/tax/health/ready");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(ready)).StatusCode);
        Assert.Contains("Configuration key Gx:Orleans:GatewayPort is deprecated; its value is used for now, rename it to Gx:Host:GatewayPort.",
            frontend.Output);

        silo.Kill();
        await Eventually.MatchesAsync(async () => (await http.GetAsync(ready)).StatusCode,
            status => status == HttpStatusCode.ServiceUnavailable, "the frontend's readiness to turn 503 after the silo died",
            TimeSpan.FromSeconds(60));
        // Liveness stays: restarting the frontend would not bring a silo back.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(frontend.ApiBase, "/tax/health/live"))).StatusCode);
        Assert.False(frontend.HasExited, "the frontend exited when the silo died:\n" + frontend.Output);
    }
}
