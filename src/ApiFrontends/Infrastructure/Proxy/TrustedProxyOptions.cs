namespace GxProtocol.ApiFrontends.Infrastructure.Proxy;

/// <summary>
/// Bound from <c>Gx:ForwardedHeaders</c>: the proxies (the regional nginx, an ingress or gateway) whose
/// <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> a frontend believes. With none configured the headers are ignored,
/// because anyone can send them; then the per-IP limit, logs and HSTS see the connecting address and scheme.
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string SectionName = "Gx:ForwardedHeaders";

    /// <summary>Single proxy addresses, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. <c>10.42.0.0/16</c> (a pod network).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies a request may have passed; each must be trusted. One: the edge sets the header.</summary>
    public int ForwardLimit { get; set; } = DefaultForwardLimit;

    public const int DefaultForwardLimit = 1;

    public bool TrustsAnyProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}
