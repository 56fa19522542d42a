using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.Interfaces.Webhooks;

namespace GxProtocol.Grains.Webhooks;

/// <summary>Webhook deliveries with their attempts: rows, so their history never grows a grain's state.</summary>
public interface IWebhookDeliveryStore
{
    /// <summary>Stores a new delivery; false when one with its id exists already (the event was published before).</summary>
    Task<bool> AddAsync(WebhookDelivery delivery);

    Task UpdateAsync(WebhookDelivery delivery);

    /// <summary>The endpoint's deliveries still to be attempted, oldest first.</summary>
    Task<IReadOnlyList<WebhookDelivery>> LoadPendingAsync(Guid endpointId);

    /// <summary>Newest first; the cursor is the one the previous page returned.</summary>
    Task<Page<WebhookDelivery>> ListAsync(Guid endpointId, string? cursor, int limit);
}
