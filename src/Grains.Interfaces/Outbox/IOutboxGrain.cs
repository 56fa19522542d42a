using GxProtocol.Grains.Interfaces.Commands;

namespace GxProtocol.Grains.Interfaces.Outbox;

/// <summary>One shard of the persisted outbox that submits accepted commands to the ledger.</summary>
[Alias("gx.IOutboxGrain")]
public interface IOutboxGrain : IGrainWithIntegerKey
{
    /// <summary>Queues the command unless it is already queued; returns once the queue is persisted.</summary>
    [Alias("Enqueue")] Task EnqueueAsync(LedgerCommand command);
    [Alias("GetQueue")] Task<IReadOnlyList<OutboxEntryView>> GetQueueAsync();

    /// <summary>Activates the shard if it is not active (after a silo loss), which resumes its queue.</summary>
    [Alias("Wake")] Task WakeAsync();

    /// <summary>Puts a dead-lettered command back in the queue with a fresh attempt budget.</summary>
    [Alias("Retry")] Task<bool> RetryAsync(Guid commandId);

    /// <summary>Drops a dead-lettered command: it is FAILED with code CANCELLED and its origin releases its holds.</summary>
    [Alias("Cancel")] Task<bool> CancelAsync(Guid commandId, string reason);
}
