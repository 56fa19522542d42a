using GxProtocol.Grains.Webhooks;
using Microsoft.Extensions.Options;

namespace GxProtocol.Backend.Tests.Webhooks;

public sealed class WebhookUrlPolicyTests
{
    private static WebhookUrlPolicy Policy(bool allowHttp = false, params string[] allowed) =>
        new(Options.Create(new WebhookOptions { AllowedHosts = allowed, AllowInsecureHttp = allowHttp }));

    [Theory]
    [InlineData("https://hooks.example.com/gx", null)]
    [InlineData("https://HOOKS.example.com:8443/gx", null)]
    [InlineData("https://eu.partners.example.org/gx", null)]
    [InlineData("https://partners.example.org/gx", "not in")]
    [InlineData("https://evil-example.org/gx", "not in")]
    [InlineData("https://example.com.evil.net/gx", "not in")]
    [InlineData("https://169.254.169.254/latest/meta-data", "not in")]
    [InlineData("https://[::1]/gx", null)]
    [InlineData("http://hooks.example.com/gx", "must use https")]
    [InlineData("https://user:pass@hooks.example.com/gx", "credentials")]
    [InlineData("file:///etc/passwd", "must use https")]
    public void Only_https_urls_on_allowed_hosts_pass(string url, string? refusal)
    {
        var reason = Policy(false, "hooks.example.com", "*.partners.example.org", "::1").Refusal(new Uri(url));
        if (refusal is null)
        {
            Assert.Null(reason);
        }
        else
        {
            Assert.Contains(refusal, reason);
        }
    }

    [Fact]
    public void Http_passes_only_where_allowed_and_an_empty_list_allows_nothing()
    {
        Assert.Null(Policy(true, "127.0.0.1").Refusal(new Uri("http://127.0.0.1:5000/hook")));
        Assert.Contains("https", Policy(false, "127.0.0.1").Refusal(new Uri("http://127.0.0.1:5000/hook")));
        Assert.Contains("not in Gx:Webhooks:AllowedHosts", Policy(true).Refusal(new Uri("https://hooks.example.com/gx")));
    }
}
