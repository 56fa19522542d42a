using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using GxProtocol.Backend.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GxProtocol.Backend.Tests.Edge;

/// <summary>
/// deploy/edge/gx-edge-monitor.sh against the running edge: a healthy region passes, a region whose certificate
/// expires in 10 days warns, a region nobody answers fails, and warnings and failures reach the webhook.
/// </summary>
[Collection(EdgeCollection.Name)]
[Trait("Category", "Process")]
[Trait("Category", "Slow")]
[Trait("Category", "Edge")]
public sealed class EdgeMonitorTests(EdgeFixture edge)
{
    private static readonly string Monitor = Path.Combine(RepoPaths.Root, "deploy", "edge", "gx-edge-monitor.sh");

    [Fact]
    public async Task A_healthy_region_passes_without_an_alert()
    {
        await using var webhook = await Webhook.StartAsync();
        var run = await RunMonitorAsync($"healthy=https://127.0.0.1:{edge.HttpsPort}", webhook.Url);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}:\n{run.Output}");
        Assert.Contains("region=healthy check=certificate result=ok", run.Output);
        Assert.Equal(7, run.Output.Split('\n').Count(l => l.StartsWith("region=healthy service=", StringComparison.Ordinal) && l.Contains("result=ok status=200")));
        Assert.Empty(webhook.Received);
    }

    [Fact]
    public async Task A_certificate_expiring_within_15_days_warns_and_a_down_region_fails_and_both_are_posted()
    {
        await using var webhook = await Webhook.StartAsync();
        var down = FreePorts.Next();
        var run = await RunMonitorAsync(
            $"healthy=https://127.0.0.1:{edge.HttpsPort} expiring=https://127.0.0.1:{edge.ExpiringRegionPort} down=https://127.0.0.1:{down}",
            webhook.Url);

        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}:\n{run.Output}");
        Assert.Matches(@"region=expiring check=certificate result=warn .*days_left=(9|10)\b", run.Output);
        Assert.Equal(7, run.Output.Split('\n').Count(l => l.StartsWith("region=expiring service=", StringComparison.Ordinal) && l.Contains("result=ok status=200")));
        Assert.Contains("region=down check=certificate result=fail", run.Output);
        Assert.Equal(7, run.Output.Split('\n').Count(l => l.StartsWith("region=down service=", StringComparison.Ordinal) && l.Contains("result=fail")));

        var alert = Assert.Single(webhook.Received);
        Assert.Equal("failing", alert["status"]!.GetValue<string>());
        var problems = alert["problems"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        Assert.Contains(problems, p => p.StartsWith("expiring: certificate expires in", StringComparison.Ordinal));
        Assert.Contains(problems, p => p == "down: identity unreachable");
        Assert.DoesNotContain(problems, p => p.StartsWith("healthy:", StringComparison.Ordinal));
    }

    private Task<ToolRun> RunMonitorAsync(string regions, string webhookUrl)
    {
        // Both test certificates are self-signed: each is its own CA.
        var bundle = Path.Combine(edge.Directory, "monitor-ca.pem");
        File.WriteAllText(bundle, File.ReadAllText(edge.Certificate.CertificatePath) + "\n" + File.ReadAllText(edge.ExpiringCertificate.CertificatePath) + "\n");
        return ToolRun.RunAsync("bash", [Monitor], new Dictionary<string, string>
        {
            ["GX_EDGE_REGIONS"] = regions,
            ["GX_EDGE_CA_FILE"] = bundle,
            ["GX_EDGE_WEBHOOK_URL"] = webhookUrl,
            ["GX_EDGE_TIMEOUT_SECONDS"] = "5",
        }, TimeSpan.FromSeconds(120));
    }

    /// <summary>Records what the monitor POSTs.</summary>
    private sealed class Webhook : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private Webhook(WebApplication app, string url)
        {
            _app = app;
            Url = url;
        }

        public ConcurrentQueue<JsonNode> Received { get; } = new();
        public string Url { get; }

        public static async Task<Webhook> StartAsync()
        {
            var port = FreePorts.Next();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var webhook = new Webhook(app, $"http://127.0.0.1:{port}/alerts");
            app.MapPost("/alerts", async (HttpRequest request) =>
            {
                webhook.Received.Enqueue(JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!);
                return Results.NoContent();
            });
            await app.StartAsync();
            return webhook;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
