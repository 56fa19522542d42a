using System.Text.Json;
using GxProtocol.Grains.Interfaces.Ledger;
using Microsoft.Extensions.Logging;
using Orleans.BroadcastChannel;

namespace GxProtocol.Grains.ReadModels;

/// <summary>
/// Applies every ledger event to the read models, once: the store keeps the checkpoint in the same write as the rows.
/// An event it cannot read goes to the dead letters instead of stopping the stream.
/// </summary>
[ImplicitChannelSubscription(LedgerChannels.ReadModels)]
public sealed class ReadModelProjectorGrain(
    IReadModelStore store,
    ProjectionMetrics metrics,
    TimeProvider clock,
    ILogger<ReadModelProjectorGrain> logger)
    : Grain, IGrainWithStringKey, IOnBroadcastChannelSubscribed
{
    public Task OnSubscribed(IBroadcastChannelSubscription subscription) =>
        subscription.Attach<LedgerEventEnvelope>(ApplyAsync);

    private async Task ApplyAsync(LedgerEventEnvelope ledgerEvent)
    {
        ReadModelChanges changes;
        try
        {
            changes = ReadModelProjection.ChangesFor(ledgerEvent);
        }
        catch (JsonException unreadable)
        {
            logger.LogWarning("Dead-lettering {EventName} at {Position}: {Reason}", ledgerEvent.EventName, ledgerEvent.Position, unreadable.Message);
            await store.RecordDeadLetterAsync(ledgerEvent, unreadable.Message);
            metrics.RecordDeadLettered();
            return;
        }
        if (await store.ApplyAsync(ledgerEvent.Position, changes))
        {
            metrics.RecordApplied(clock.GetUtcNow() - ledgerEvent.ObservedAt);
        }
    }
}
