using System.Net;
using Microsoft.Extensions.Options;

namespace GxProtocol.ApiFrontends.Infrastructure.Proxy;

internal sealed class TrustedProxyOptionsValidator : IValidateOptions<TrustedProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, TrustedProxyOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(options.KnownProxies[i], out _))
            {
                failures.Add($"{TrustedProxyOptions.SectionName}:{nameof(options.KnownProxies)}:{i} must be an IP address (was '{options.KnownProxies[i]}').");
            }
        }
        for (var i = 0; i < options.KnownNetworks.Count; i++)
        {
            if (!IPNetwork.TryParse(options.KnownNetworks[i], out _))
            {
                failures.Add($"{TrustedProxyOptions.SectionName}:{nameof(options.KnownNetworks)}:{i} must be a network in CIDR notation such as 10.42.0.0/16 (was '{options.KnownNetworks[i]}').");
            }
        }
        if (options.ForwardLimit is < 1 or > 10)
        {
            failures.Add($"{TrustedProxyOptions.SectionName}:{nameof(options.ForwardLimit)} must be between 1 and 10 (was {options.ForwardLimit}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
