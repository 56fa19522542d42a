using GxProtocol.Grains.Interfaces.Webhooks;
using Orleans.Concurrency;

namespace GxProtocol.Grains.Webhooks;

/// <summary>
/// Stores one delivery per subscribed endpoint before it returns, so an event that was published is delivered even if
/// the silo dies next; a publication nobody subscribes to writes nothing.
/// </summary>
[StatelessWorker]
public sealed class WebhookPublisherGrain(IWebhookDeliveryStore store, TimeProvider clock) : Grain, IWebhookPublisherGrain
{
    public async Task PublishAsync(WebhookEvent webhookEvent)
    {
        var subscribers = await GrainFactory.GetGrain<IWebhookRegistryGrain>(IWebhookRegistryGrain.Key).SubscribersAsync(webhookEvent.Type);
        foreach (var subscriber in subscribers)
        {
            var delivery = WebhookBodies.NewDelivery(subscriber.EndpointId, webhookEvent, clock.GetUtcNow());
            // A repeat (a replayed ledger event) is already stored, and its delivery grain has it or finds it on its sweep.
            if (await store.AddAsync(delivery))
            {
                await GrainFactory.GetGrain<IWebhookDeliveryGrain>(subscriber.EndpointId).EnqueueAsync(delivery);
            }
        }
    }
}
