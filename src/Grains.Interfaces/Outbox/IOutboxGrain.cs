using GxProtocol.Grains.Interfaces.Commands;

namespace GxProtocol.Grains.Interfaces.Outbox;

/// <summary>One shard of the persisted outbox that submits accepted commands to the ledger.</summary>
[Alias("gx.IOutboxGrain")]
public interface IOutboxGrain : IGrainWithIntegerKey
{
    /// <summary>Queues the command unless it is already queued; returns once the queue is persisted.</summary>
    [Alias("Enqueue")] Task EnqueueAsync(LedgerCommand command);
    [Alias("GetQueue")] Task<IReadOnlyList<OutboxEntryView>> GetQueueAsync();
}
