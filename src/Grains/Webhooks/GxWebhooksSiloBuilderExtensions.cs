using GxProtocol.Grains.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GxProtocol.Grains;

/// <summary>Webhooks: options checked at start-up, the sender, and deliveries in memory unless a store was registered first.</summary>
public static class GxWebhooksSiloBuilderExtensions
{
    public static ISiloBuilder AddGxWebhooks(this ISiloBuilder silo, IConfiguration? configuration)
    {
        const string Section = WebhookOptions.Section;
        var options = silo.Services.AddOptions<WebhookOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(Section));
        }
        options.Validate(o => o.AllowedHosts.All(h => !string.IsNullOrWhiteSpace(h) && !h.Contains('/')), $"{Section}:AllowedHosts must list host names, *.domain wildcards or IP addresses.")
            .Validate(o => o.LargeTransferThresholdCoins > 0, $"{Section}:LargeTransferThresholdCoins must be positive.")
            .Validate(o => o.MaxAttempts is >= 1 and <= 100, $"{Section}:MaxAttempts must be between 1 and 100.")
            .Validate(o => o.BaseRetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.BaseRetryDelay, $"{Section}:BaseRetryDelay must be positive and not above MaxRetryDelay.")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero && o.RequestTimeout <= TimeSpan.FromMinutes(2), $"{Section}:RequestTimeout must be positive and at most two minutes.")
            .Validate(o => o.MaxEndpoints is >= 1 and <= 1000, $"{Section}:MaxEndpoints must be between 1 and 1000.")
            .ValidateOnStart();
        silo.Services.TryAddSingleton<IWebhookDeliveryStore, InMemoryWebhookDeliveryStore>();
        silo.Services.TryAddSingleton<WebhookUrlPolicy>();
        silo.Services.TryAddSingleton<WebhookSender>();
        return silo;
    }
}
