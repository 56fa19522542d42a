namespace GxProtocol.Grains.Interfaces.Webhooks;

/// <summary>The registered webhook endpoints (one grain: there are few, and every publication asks which match).</summary>
public interface IWebhookRegistryGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    Task<WebhookEndpointView> RegisterAsync(WebhookRegistration registration, Guid superAdminId);

    Task<IReadOnlyList<WebhookEndpointView>> ListAsync();

    Task<WebhookEndpointView?> GetAsync(Guid endpointId);

    /// <summary>False when there is no such endpoint.</summary>
    Task<bool> DeleteAsync(Guid endpointId, Guid superAdminId);

    /// <summary>The endpoints subscribed to <paramref name="eventType"/>, with their secrets: for the silo's delivery grains only.</summary>
    Task<IReadOnlyList<WebhookSubscriber>> SubscribersAsync(string eventType);

    Task<WebhookSubscriber?> SubscriberAsync(Guid endpointId);

    /// <summary>Every event type some endpoint subscribes to: lets publishers skip the work for the rest.</summary>
    Task<string[]> SubscribedEventTypesAsync();
}
