using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.Webhooks;
using Microsoft.Extensions.Options;
using Orleans.BroadcastChannel;

namespace GxProtocol.Grains.Webhooks;

/// <summary>
/// Publishes the chaincode events that webhooks are about. It rides the read models' channel beside the projectors,
/// after commit, never on the write path; a batch with no subscribed event costs one in-memory call to the registry.
/// </summary>
[ImplicitChannelSubscription(LedgerChannels.ReadModels)]
public sealed class WebhookLedgerSubscriberGrain(IOptions<WebhookOptions> options) : Grain, IGrainWithStringKey, IOnBroadcastChannelSubscribed
{
    public Task OnSubscribed(IBroadcastChannelSubscription subscription) =>
        subscription.Attach<LedgerEventBatch>(PublishAllAsync);

    private async Task PublishAllAsync(LedgerEventBatch batch)
    {
        if (!batch.Events.Any(e => WebhookLedgerEvents.TypeOf(e.EventName) is not null))
        {
            return;
        }
        var subscribed = await GrainFactory.GetGrain<IWebhookRegistryGrain>(IWebhookRegistryGrain.Key).SubscribedEventTypesAsync();
        var threshold = (long)(options.Value.LargeTransferThresholdCoins * 1_000_000m);
        foreach (var ledgerEvent in batch.Events)
        {
            if (WebhookLedgerEvents.TypeOf(ledgerEvent.EventName) is { } type && subscribed.Contains(type)
                && WebhookLedgerEvents.From(ledgerEvent, threshold) is { } webhookEvent)
            {
                await GrainFactory.GetGrain<IWebhookPublisherGrain>(0).PublishAsync(webhookEvent);
            }
        }
    }
}
