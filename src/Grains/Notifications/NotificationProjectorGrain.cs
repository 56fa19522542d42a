using System.Text.Json;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.ReadModels;
using Microsoft.Extensions.Logging;
using Orleans.BroadcastChannel;

namespace GxProtocol.Grains.Notifications;

/// <summary>
/// Turns ledger events into inbox notifications. It subscribes to the read models' channel beside
/// ReadModelProjectorGrain (implicit subscriptions admit several grain types per namespace), so the listener's
/// checkpoint waits for it too; the notification store keeps its own checkpoint, so each event notifies once.
/// </summary>
[ImplicitChannelSubscription(LedgerChannels.ReadModels)]
public sealed class NotificationProjectorGrain(INotificationStore store, ILogger<NotificationProjectorGrain> logger)
    : Grain, IGrainWithStringKey, IOnBroadcastChannelSubscribed
{
    public Task OnSubscribed(IBroadcastChannelSubscription subscription) =>
        subscription.Attach<LedgerEventBatch>(ApplyAllAsync);

    private async Task ApplyAllAsync(LedgerEventBatch batch)
    {
        foreach (var ledgerEvent in batch.Events)
        {
            await ApplyAsync(ledgerEvent);
        }
    }

    private async Task ApplyAsync(LedgerEventEnvelope ledgerEvent)
    {
        if (ledgerEvent.Position <= await store.GetNotificationCheckpointAsync())
        {
            return;
        }
        try
        {
            await store.ApplyNotificationsAsync(ledgerEvent.Position, await NotificationProjection.ForAsync(ledgerEvent, GrainFactory));
        }
        catch (JsonException unreadable)
        {
            // The read-model projector dead-letters the event; an inbox only skips it.
            logger.LogWarning("No notifications for {EventName} at {Position}: {Reason}", ledgerEvent.EventName, ledgerEvent.Position, unreadable.Message);
            await store.ApplyNotificationsAsync(ledgerEvent.Position, []);
        }
    }
}
