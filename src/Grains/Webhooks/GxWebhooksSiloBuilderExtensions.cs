using GxProtocol.Grains.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GxProtocol.Grains;

/// <summary>Webhooks: options checked at start-up, the sender, and deliveries in memory unless a store was registered first.</summary>
public static class GxWebhooksSiloBuilderExtensions
{
    public static ISiloBuilder AddGxWebhooks(this ISiloBuilder silo, IConfiguration? configuration)
    {
        var options = silo.Services.AddOptions<WebhookOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(WebhookOptions.SectionName));
        }
        options.ValidateOnStart();
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        silo.Services.TryAddSingleton<IWebhookDeliveryStore, InMemoryWebhookDeliveryStore>();
        silo.Services.TryAddSingleton<WebhookUrlPolicy>();
        silo.Services.TryAddSingleton<WebhookSender>();
        return silo;
    }
}
