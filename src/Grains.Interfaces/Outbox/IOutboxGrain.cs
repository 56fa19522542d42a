using GxProtocol.Grains.Interfaces.Commands;

namespace GxProtocol.Grains.Interfaces.Outbox;

/// <summary>One shard of the persisted outbox that submits accepted commands to the ledger.</summary>
[Alias("gx.IOutboxGrain")]
public interface IOutboxGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Queues the command unless its id is known; returns once its row is stored, with its status (finished when an
    /// earlier hand-off of the same command already ran it).
    /// </summary>
    [Alias("Enqueue")] Task<CommandStatus> EnqueueAsync(LedgerCommand command);
    [Alias("GetQueue")] Task<IReadOnlyList<OutboxEntryView>> GetQueueAsync();

    /// <summary>Activates the shard if it is not active (after a silo loss), which resumes its queue.</summary>
    [Alias("Wake")] Task WakeAsync();

    /// <summary>Waits up to <paramref name="timeout"/> for a queued command to finish; null when it is not queued here or did not finish.</summary>
    [Alias("WaitForCompletion")] Task<CommandStatus?> WaitForCompletionAsync(Guid commandId, TimeSpan timeout);

    /// <summary>Puts a dead-lettered command back in the queue with a fresh attempt budget.</summary>
    [Alias("Retry")] Task<bool> RetryAsync(Guid commandId);

    /// <summary>
    /// Drops a dead-lettered command: it is FAILED with code CANCELLED and its origin releases its holds, unless the
    /// ledger has committed it after all (an attempt whose answer was lost), in which case it is COMMITTED.
    /// </summary>
    [Alias("Cancel")] Task<bool> CancelAsync(Guid commandId, string reason);
}
