using System.Diagnostics;
using System.Text.Json;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Hosting;

/// <summary><c>Gx:Logging:Format=json</c>: one JSON object per console line, carrying the caller's trace id.</summary>
[Trait("Category", "Process")]
[Trait("Category", "Slow")]
public sealed class JsonConsoleLogTests
{
    [Fact]
    public async Task Json_logs_carry_the_trace_id_of_the_request_they_were_written_in()
    {
        await using var silo = await HostProcess.StartSiloAsync(new Dictionary<string, string>
        {
            ["Gx:Logging:Format"] = "json",
            // The request log of ASP.NET hosting: one line per request, written inside the request's activity.
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        });
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(silo.ApiBase, "/identity/health/live"));
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        Assert.True((await http.SendAsync(request)).IsSuccessStatusCode);

        var line = await Eventually.MatchesAsync(
            () => Task.FromResult(silo.Output.Split('\n').FirstOrDefault(l => l.Contains(traceId, StringComparison.Ordinal))),
            l => l is not null, $"a log line with trace id {traceId}");
        using var json = JsonDocument.Parse(line!);
        Assert.Equal("Microsoft.AspNetCore.Hosting.Diagnostics", json.RootElement.GetProperty("Category").GetString());
        Assert.Contains(json.RootElement.GetProperty("Scopes").EnumerateArray(),
            scope => scope.TryGetProperty("TraceId", out var id) && id.GetString() == traceId);
    }
}
