using System.Diagnostics;
using GxProtocol.Fabric;
using GxProtocol.Grains.Interfaces.Errors;

namespace GxProtocol.Grains.Outbox;

/// <summary>An operator's way out for a dead letter: retry it, or cancel it once the ledger has said whether an earlier attempt committed.</summary>
public sealed partial class OutboxGrain
{
    /// <summary>CommitStatus waits for a transaction the ledger has not seen; this long without an answer means "never submitted".</summary>
    private static readonly TimeSpan CancelLookupTimeout = TimeSpan.FromSeconds(3);

    public async Task<bool> RetryAsync(Guid commandId)
    {
        if (!IsDeadLettered(commandId, out var row))
        {
            return false;
        }
        var revived = row with { DeadLettered = false, Attempts = 0, NextAttemptAt = null };
        await store.UpdateAsync(revived);
        if (!IsDeadLettered(commandId, out _))
        {
            return false;
        }
        _queue.Revive(revived);
        StartDueSubmissions();
        return true;
    }

    public async Task<bool> CancelAsync(Guid commandId, string reason)
    {
        // Only a dead letter is at rest: one in flight may be committing right now.
        if (!IsDeadLettered(commandId, out var row))
        {
            return false;
        }
        // An earlier attempt may have committed with its answer lost: the ledger decides before anything is cancelled.
        var committed = await CommittedOnLedgerAsync(row);
        if (!IsDeadLettered(commandId, out row))
        {
            return false;
        }
        var started = Stopwatch.GetTimestamp();
        if (committed is not null)
        {
            await CommitAsync(row, committed.TransactionId, committed.BlockNumber, started);
        }
        else
        {
            await FailAsync(row, "CANCELLED", reason, started);
        }
        return true;
    }

    private async Task<CommitOutcome?> CommittedOnLedgerAsync(OutboxRow row)
    {
        using var timeout = new CancellationTokenSource(CancelLookupTimeout);
        try
        {
            var outcome = await ledger.GetCommitStatusAsync(ledger.TransactionIdFor(row.SubmissionId), timeout.Token);
            return outcome.IsValid ? outcome : null;
        }
        catch (Exception) when (timeout.IsCancellationRequested)
        {
            return null;
        }
        catch (LedgerException unreachable) when (unreachable.IsTransient)
        {
            throw DomainRuleException.Conflict("ledger_unreachable",
                "The ledger could not be asked whether this command committed after all; cancel it once the ledger answers.");
        }
    }

    private bool IsDeadLettered(Guid commandId, out OutboxRow row) => _queue.TryGet(commandId, out row) && row.DeadLettered;
}
