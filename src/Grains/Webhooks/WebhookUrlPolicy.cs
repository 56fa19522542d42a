using Microsoft.Extensions.Options;

namespace GxProtocol.Grains.Webhooks;

/// <summary>
/// Which URLs the silo may POST to: https (http only when allowed), no credentials in the URL, and a host on the
/// allow-list. Checked at registration and again before every attempt, so narrowing the list stops deliveries too.
/// </summary>
public sealed class WebhookUrlPolicy(IOptions<WebhookOptions> options)
{
    /// <summary>Why <paramref name="url"/> is refused, or null when it is allowed.</summary>
    public string? Refusal(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            return "must be an absolute URL.";
        }
        var secureEnough = url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && options.Value.AllowInsecureHttp);
        if (!secureEnough)
        {
            return options.Value.AllowInsecureHttp ? "must use http or https." : "must use https.";
        }
        if (url.UserInfo.Length > 0 || url.Fragment.Length > 0)
        {
            return "must not carry credentials or a fragment.";
        }
        return options.Value.AllowedHosts.Any(allowed => Matches(allowed, url.IdnHost))
            ? null
            : $"host '{url.IdnHost}' is not in {WebhookOptions.SectionName}:AllowedHosts.";
    }

    private static bool Matches(string allowed, string host) =>
        allowed.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase) && host.Length > allowed.Length - 1
            : string.Equals(allowed.Trim('[', ']'), host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase);
}
