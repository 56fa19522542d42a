using System.Net;
using System.Text.RegularExpressions;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.OpenApi;

/// <summary>
/// Each service's interactive API reference (Scalar) at /&lt;service&gt;/docs in the embedded default: served
/// anonymously, pointing at that service's OpenAPI document, its script served by the process itself (no CDN), and a
/// CSP that lets the page run while the API keeps its deny-all one.
/// </summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed partial class ApiReferenceTests(ServicesBackend backend)
{
    [Theory]
    [MemberData(nameof(ServiceDocument.AllServices), MemberType = typeof(ServiceDocument))]
    public async Task Each_service_serves_its_api_reference_page_and_script_anonymously(string service)
    {
        using var http = new HttpClient { BaseAddress = backend.ApiBase, Timeout = TimeSpan.FromSeconds(30) };

        var page = await http.GetAsync($"/{service}/docs");
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{service}: {(int)page.StatusCode} {html}");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        // The page script resolves the document against the page's path minus "/<service>/docs/": the site root.
        Assert.Contains($"%2F{service}%2Fdocs%2F", html);
        Assert.Contains($"\"url\":\"{service}/openapi/v1.json\"", html);
        Assert.Contains("script-src 'self'", string.Join(";", page.Headers.GetValues("Content-Security-Policy")));

        var scripts = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, src => Assert.False(src.StartsWith("http", StringComparison.OrdinalIgnoreCase), $"{service}: the page loads {src} from elsewhere"));
        foreach (var src in scripts)
        {
            var script = await http.GetAsync(new Uri(new Uri(backend.ApiBase, $"/{service}/docs/"), src));
            Assert.True(script.StatusCode == HttpStatusCode.OK, $"{service}: {src} answered {(int)script.StatusCode}");
            Assert.Contains("javascript", script.Content.Headers.ContentType?.MediaType);
        }

        var document = await http.GetAsync($"/{service}/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.StartsWith("default-src 'none'", string.Join(";", document.Headers.GetValues("Content-Security-Policy")));
    }

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
