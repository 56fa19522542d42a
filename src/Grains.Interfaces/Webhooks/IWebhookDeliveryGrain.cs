using GxProtocol.Grains.Interfaces.ReadModels;

namespace GxProtocol.Grains.Interfaces.Webhooks;

/// <summary>One per endpoint (keyed by its id): posts its deliveries in order, retrying with backoff.</summary>
public interface IWebhookDeliveryGrain : IGrainWithGuidKey
{
    /// <summary>Takes a stored pending delivery into the queue; returns at once, the POST happens in the background.</summary>
    Task EnqueueAsync(WebhookDelivery delivery);

    /// <summary>Newest first, with every attempt.</summary>
    Task<Page<WebhookDelivery>> ListAsync(string? cursor, int limit);
}
