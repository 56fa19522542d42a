using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Edge;

/// <summary>
/// deploy/edge's nginx config, run by real nginx in front of two frontend processes: TLS versions, the per-IP limit,
/// the security headers, least_conn over the nodes with a dead one among them, and the client address reaching the
/// frontends. Each test connects from its own loopback address so the per-IP limit of one does not touch another.
/// </summary>
[Collection(EdgeCollection.Name)]
[Trait("Category", "Process")]
[Trait("Category", "Slow")]
[Trait("Category", "Edge")]
public sealed partial class RegionalEdgeTests(EdgeFixture edge)
{
    [Fact]
    public async Task Tls_1_2_and_1_3_are_accepted_and_1_0_and_1_1_refused()
    {
        // Control: the same client negotiates TLS 1.0 and 1.1 with a server that allows them.
        Assert.Equal("TLSv1", await NegotiateAsync(edge.LegacyTlsPort, "-tls1"));
        Assert.Equal("TLSv1.1", await NegotiateAsync(edge.LegacyTlsPort, "-tls1_1"));

        Assert.Null(await NegotiateAsync(edge.HttpsPort, "-tls1"));
        Assert.Null(await NegotiateAsync(edge.HttpsPort, "-tls1_1"));
        Assert.Equal("TLSv1.2", await NegotiateAsync(edge.HttpsPort, "-tls1_2"));
        Assert.Equal("TLSv1.3", await NegotiateAsync(edge.HttpsPort, "-tls1_3"));
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https()
    {
        using var client = EdgeClient.From("127.0.0.10");
        var response = await client.GetAsync($"http://127.0.0.1:{edge.HttpPort}/identity/health/live?probe=1");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("https://127.0.0.1/identity/health/live?probe=1", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_burst_past_20_from_one_address_gets_429_while_another_address_is_served()
    {
        using var flooder = EdgeClient.From("127.0.0.2", edge.Certificate.Certificate);
        using var bystander = EdgeClient.From("127.0.0.3", edge.Certificate.Certificate);
        // One HTTP/2 connection: the 40 requests arrive together instead of behind 40 TLS handshakes.
        flooder.DefaultRequestVersion = HttpVersion.Version20;
        flooder.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;

        var burst = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => flooder.GetAsync(new Uri(edge.Edge, "/identity/health/live"))));
        var served = burst.Count(r => r.StatusCode == HttpStatusCode.OK);
        var limited = burst.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        var summary = string.Join(", ", burst.GroupBy(r => (int)r.StatusCode).Select(g => $"{g.Key}×{g.Count()}"));
        // 10 r/s with a burst of 20: the first request and 20 more pass; the rest of a near-simultaneous burst is
        // refused (a request or two may pass as the bucket drains while the burst is sent).
        Assert.True(served is >= 21 and <= 24, $"served {served} of 40 ({summary})");
        Assert.Equal(40 - served, limited.Count);
        foreach (var refusal in limited)
        {
            Assert.Equal("rate-limited", Single(refusal, "X-Gx-Edge"));
            Assert.Equal("application/problem+json", refusal.Content.Headers.ContentType?.MediaType);
            var problem = JsonNode.Parse(await refusal.Content.ReadAsStringAsync())!;
            Assert.Equal("rate_limited", problem["code"]!.GetValue<string>());
            Assert.Equal("1", Single(refusal, "Retry-After"));
        }

        var other = await bystander.GetAsync(new Uri(edge.Edge, "/identity/health/live"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Every_answer_carries_each_security_header_exactly_once()
    {
        using var client = EdgeClient.From("127.0.0.4", edge.Certificate.Certificate);
        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["200 from a frontend"] = await client.GetAsync(new Uri(edge.Edge, "/tokenomics/health/live")),
            ["401 from a frontend"] = await client.GetAsync(new Uri(edge.Edge, $"/identity/api/v1/users/{Guid.NewGuid()}")),
            ["404 from the edge"] = await client.GetAsync(new Uri(edge.Edge, "/metrics")),
            ["413 from the edge"] = await client.PostAsync(new Uri(edge.Edge, "/identity/api/v1/users"),
                new StringContent(new string('x', 100 * 1024), System.Text.Encoding.UTF8, "application/json")),
        };
        Assert.Equal(HttpStatusCode.OK, answers["200 from a frontend"].StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, answers["401 from a frontend"].StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, answers["404 from the edge"].StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answers["413 from the edge"].StatusCode);
        foreach (var (what, response) in answers)
        {
            Assert.True(Single(response, "Strict-Transport-Security") == "max-age=31536000; includeSubDomains", what);
            Assert.True(Single(response, "X-Content-Type-Options") == "nosniff", what);
            Assert.True(Single(response, "X-Frame-Options") == "DENY", what);
            Assert.True(Single(response, "Referrer-Policy") == "no-referrer", what);
            Assert.True(Single(response, "Content-Security-Policy").StartsWith("default-src 'none'", StringComparison.Ordinal), what);
            Assert.False(response.Headers.TryGetValues("Server", out var server) && server.Any(s => s.Contains('/')),
                $"{what}: the Server header names a version");
        }
    }

    [Fact]
    public async Task The_api_reference_passes_the_edge_with_its_page_policy()
    {
        using var client = EdgeClient.From("127.0.0.9", edge.Certificate.Certificate);
        var page = await client.GetAsync(new Uri(edge.Edge, "/tokenomics/docs/"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("tokenomics/openapi/v1.json", await page.Content.ReadAsStringAsync());
        Assert.Contains("script-src 'self'", Single(page, "Content-Security-Policy"));
        Assert.Equal("max-age=31536000; includeSubDomains", Single(page, "Strict-Transport-Security"));
        Assert.Equal("DENY", Single(page, "X-Frame-Options"));
    }

    [Fact]
    public async Task Least_conn_spreads_requests_over_both_live_nodes_and_skips_the_dead_one()
    {
        const string Client = "127.0.0.5";
        using var client = EdgeClient.From(Client, edge.Certificate.Certificate);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 16; i++)
        {
            statuses.Add((await client.GetAsync(new Uri(edge.Edge, $"/tax/health/live?n={i}"))).StatusCode);
        }
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));

        var lines = await Eventually.MatchesAsync(
            () => Task.FromResult(File.ReadAllLines(edge.AccessLog).Where(l => l.StartsWith(Client + " ", StringComparison.Ordinal) && l.Contains("/tax/health/live")).ToList()),
            l => l.Count >= 16, "16 access-log lines for the /tax requests");
        var tried = lines.Select(l => UpstreamPattern().Match(l).Groups[1].Value.Split(", ")).ToList();
        var servedBy = tried.Select(t => t[^1]).ToList();
        var log = string.Join('\n', lines);
        Assert.True(servedBy.All(n => n == edge.NodeA || n == edge.NodeB), $"a request was answered by neither live node:\n{log}");
        Assert.True(servedBy.Count(n => n == edge.NodeA) >= 4 && servedBy.Count(n => n == edge.NodeB) >= 4, $"the load was not spread:\n{log}");
        // The dead node was tried (it is in the rotation) and each such request went on to a live node.
        Assert.True(tried.Any(t => t.Contains(edge.DeadNode)), $"the dead node {edge.DeadNode} was never tried:\n{log}");
    }

    [Fact]
    public async Task The_frontends_see_the_client_address_behind_nginx_and_ignore_forwarded_headers_from_others()
    {
        // An anonymous client's idempotency keys are scoped by its address, so reusing a key shows which address the
        // frontend saw: two clients behind nginx may use the same key; one client reusing it for another body is 409.
        using var alice = EdgeClient.From("127.0.0.6", edge.Certificate.Certificate);
        using var bob = EdgeClient.From("127.0.0.7", edge.Certificate.Certificate);
        var key = "edge-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(alice, edge.Edge, key, "alice")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(bob, edge.Edge, key, "bob")).StatusCode);
        var reuse = await RegisterAsync(alice, edge.Edge, key, "alice-again");
        Assert.Equal(HttpStatusCode.Conflict, reuse.StatusCode);
        Assert.Contains("idempotency_key_reused", await reuse.Content.ReadAsStringAsync());

        // Straight to a frontend from an address that is not a configured proxy: X-Forwarded-For is not believed.
        using var mallory = EdgeClient.From("127.0.0.8");
        var direct = edge.FrontendA.ApiBase;
        var spoofKey = "spoof-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(mallory, direct, spoofKey, "mallory", forwardedFor: "203.0.113.1")).StatusCode);
        var spoofed = await RegisterAsync(mallory, direct, spoofKey, "mallory-again", forwardedFor: "203.0.113.2");
        Assert.Equal(HttpStatusCode.Conflict, spoofed.StatusCode);

        // X-Forwarded-Proto likewise: HSTS only when the trusted proxy says the client used https.
        using var proxy = EdgeClient.From("127.0.0.1");
        Assert.True(await HasHstsAsync(proxy, direct), "the frontend ignored X-Forwarded-Proto from the configured proxy");
        Assert.False(await HasHstsAsync(mallory, direct), "the frontend believed X-Forwarded-Proto from an unknown address");
    }

    private static async Task<bool> HasHstsAsync(HttpClient client, Uri frontend)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(frontend, "/identity/health/live"));
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.Contains("Strict-Transport-Security");
    }

    private static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, Uri baseUri, string key, string who, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, "/identity/api/v1/users"))
        {
            Content = JsonContent.Create(new
            {
                email = $"{who}-{Guid.NewGuid():N}@edge.test",
                password = "edge password 1",
                firstName = who,
                lastName = "Edge",
                nationalityCountryCode = "MY",
                dateOfBirth = "1990-04-01",
            }),
        };
        request.Headers.Add("X-Idempotency-Key", key);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return await client.SendAsync(request);
    }

    /// <summary>The protocol openssl s_client negotiated, or null when the handshake was refused.</summary>
    private static async Task<string?> NegotiateAsync(int port, string versionFlag)
    {
        var run = await ToolRun.RunAsync("openssl", ["s_client", "-connect", $"127.0.0.1:{port}", versionFlag, "-cipher", "DEFAULT:@SECLEVEL=0"],
            timeout: TimeSpan.FromSeconds(20));
        // "New, TLSv1.0, Cipher is …" names the cipher's version; the session's "Protocol :" line is the negotiated one,
        // except in TLS 1.3, which prints no session block (and whose ciphers exist only in 1.3).
        if (run.Output.Contains("Cipher is (NONE)", StringComparison.Ordinal))
        {
            return null;
        }
        var match = ProtocolPattern().Match(run.Output);
        return match.Success ? match.Groups[1].Value
            : run.Output.Contains("New, TLSv1.3, Cipher is", StringComparison.Ordinal) ? "TLSv1.3" : null;
    }

    private static string Single(HttpResponseMessage response, string header)
    {
        var values = response.Headers.TryGetValues(header, out var general) ? general.ToList()
            : response.Content.Headers.TryGetValues(header, out var content) ? content.ToList() : [];
        Assert.True(values.Count == 1, $"{header}: expected one value, got [{string.Join(" | ", values)}] on {(int)response.StatusCode}");
        return values[0];
    }

    [GeneratedRegex(@"^\s*Protocol\s*:\s*(TLSv[0-9.]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ProtocolPattern();

    [GeneratedRegex(@" upstream=(.*?) upstream_status=")]
    private static partial Regex UpstreamPattern();
}
