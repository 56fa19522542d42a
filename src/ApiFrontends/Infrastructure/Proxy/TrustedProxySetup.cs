using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace GxProtocol.ApiFrontends.Infrastructure.Proxy;

/// <summary>
/// Turns <see cref="TrustedProxyOptions"/> into the forwarded-headers middleware's options. ASP.NET trusts loopback
/// by default; that default is dropped so only what the operator configured is believed.
/// </summary>
internal sealed class TrustedProxySetup(IOptions<TrustedProxyOptions> trusted) : IConfigureOptions<ForwardedHeadersOptions>
{
    public void Configure(ForwardedHeadersOptions options)
    {
        var proxies = trusted.Value;
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = proxies.ForwardLimit;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }
        foreach (var network in proxies.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
