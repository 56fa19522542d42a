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
        subscription.Attach<LedgerEventBatch>(ApplyAsync);

    /// <summary>The batch's events in one store write; an unreadable one is dead-lettered in its place in the order.</summary>
    private async Task ApplyAsync(LedgerEventBatch batch)
    {
        var run = new List<(LedgerEventEnvelope Event, ProjectedEvent Projected)>();
        foreach (var ledgerEvent in batch.Events)
        {
            try
            {
                run.Add((ledgerEvent, new ProjectedEvent(ledgerEvent.Position, ReadModelProjection.ChangesFor(ledgerEvent))));
            }
            catch (JsonException unreadable)
            {
                await WriteAsync(run);
                logger.LogWarning("Dead-lettering {EventName} at {Position}: {Reason}", ledgerEvent.EventName, ledgerEvent.Position, unreadable.Message);
                await store.RecordDeadLetterAsync(ledgerEvent, unreadable.Message);
                metrics.RecordDeadLettered();
            }
        }
        await WriteAsync(run);
    }

    private async Task WriteAsync(List<(LedgerEventEnvelope Event, ProjectedEvent Projected)> run)
    {
        if (run.Count == 0)
        {
            return;
        }
        var applied = await store.ApplyAllAsync(run.Select(r => r.Projected).ToList());
        // The events at or below the checkpoint (a replay) come first in the run: the last ones are those applied.
        var now = clock.GetUtcNow();
        foreach (var (ledgerEvent, _) in run.TakeLast(applied))
        {
            metrics.RecordApplied(now - ledgerEvent.ObservedAt);
        }
        run.Clear();
    }
}
