namespace GxProtocol.Grains.Interfaces.Webhooks;

/// <summary>Turns an event into one stored delivery per subscribed endpoint and wakes their delivery grains.</summary>
public interface IWebhookPublisherGrain : IGrainWithIntegerKey
{
    Task PublishAsync(WebhookEvent webhookEvent);
}
