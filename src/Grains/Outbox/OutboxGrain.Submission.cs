using System.Diagnostics;
using GxProtocol.Fabric;
using GxProtocol.Grains.Interfaces.Commands;
using Microsoft.Extensions.Logging;

namespace GxProtocol.Grains.Outbox;

/// <summary>Submitting rows to the ledger: bounded concurrency per shard, one attempt at a time per row, retries with backoff.</summary>
public sealed partial class OutboxGrain
{
    private static readonly TimeSpan ConflictRetryCeiling = TimeSpan.FromSeconds(1);

    private void StartDueSubmissions()
    {
        while (_inFlight < Options.MaxConcurrentSubmissionsPerShard && _queue.TryTakeNext(out var row))
        {
            _inFlight++;
            _ = SubmitUntilFinishedAsync(row);
        }
    }

    private async Task SubmitUntilFinishedAsync(OutboxRow row)
    {
        try
        {
            while (true)
            {
                (OutboxRow Row, TimeSpan? RetryDelay) attempt;
                try
                {
                    attempt = await SubmitOnceAsync(row);
                }
                catch (Exception unexpected)
                {
                    // The bookkeeping after a refusal failed (the store is unreachable): the refusal will come again.
                    attempt = await ScheduleRetryAsync(row with { Attempts = row.Attempts + 1 }, unexpected.Message);
                }
                if (attempt.RetryDelay is not { } delay || !_queue.TryGet(row.CommandId, out _))
                {
                    break;
                }
                row = attempt.Row;
                await Task.Delay(delay, clock);
            }
        }
        finally
        {
            _inFlight--;
            _queue.Release(row.Command.Origin);
            StartDueSubmissions();
        }
    }

    /// <summary>One attempt; returns the row as it now stands and the delay before the next attempt, or null when it is finished.</summary>
    private async Task<(OutboxRow Row, TimeSpan? RetryDelay)> SubmitOnceAsync(OutboxRow row)
    {
        row = row with { Attempts = row.Attempts + 1 };
        _queue.Update(row);
        using var span = OutboxTracing.StartSubmission(row);
        var command = row.Command;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var timeout = new CancellationTokenSource(Options.SubmitTimeout);
            var committed = await ledger.SubmitAsync(row.SubmissionId, command.TransactionName, command.Arguments, timeout.Token);
            await CommitAsync(row, committed.TransactionId, committed.BlockNumber, started);
            return (row, null);
        }
        catch (LedgerCommitException duplicate) when (duplicate.IsDuplicate)
        {
            // Submitted before (a retry after a crash or a lost answer): the first commit's status decides.
            var original = await ledger.GetCommitStatusAsync(duplicate.TransactionId);
            if (original.IsValid)
            {
                await CommitAsync(row, original.TransactionId, original.BlockNumber, started);
                return (row, null);
            }
            if (IsReadConflict(original.ValidationCode))
            {
                return await RetryUnderNextIdAsync(row, $"read conflict (TX_{original.ValidationCode})");
            }
            await FailAsync(row, $"TX_{original.ValidationCode}", "The transaction was committed invalid.", started);
            return (row, null);
        }
        catch (LedgerCommitException conflict) when (IsReadConflict(conflict.ValidationCode))
        {
            return await RetryUnderNextIdAsync(row, conflict.Message);
        }
        catch (LedgerException fault) when (!fault.IsTransient)
        {
            var code = fault is LedgerCommitException commit ? $"TX_{commit.ValidationCode}" : "CHAINCODE_REJECTED";
            await FailAsync(row, code, fault.Message, started);
            return (row, null);
        }
        catch (Exception transient)
        {
            // Transport faults, deadlines, a store that is momentarily unreachable, and grain calls that fail while the
            // cluster is losing a silo: all pass. A retry after a commit whose bookkeeping failed meets DUPLICATE_TXID.
            return await ScheduleRetryAsync(row, transient.Message);
        }
    }

    private static bool IsReadConflict(int validationCode) =>
        validationCode is TxValidationCodes.MvccReadConflict or TxValidationCodes.PhantomReadConflict;

    /// <summary>The conflicted id is spent: the move to the next one is stored before that id is ever submitted.</summary>
    private async Task<(OutboxRow, TimeSpan?)> RetryUnderNextIdAsync(OutboxRow row, string error)
    {
        // A conflict clears with the next block, not with time: back off exponentially but only up to a second, with full
        // jitter so contenders spread over blocks. Conflicts do not spend the attempt budget: under contention a command
        // waits its turn, it does not fail.
        var conflicts = row.ConflictRetries + 1;
        var exponential = Options.BaseRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(conflicts - 1, 10));
        var delay = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(ConflictRetryCeiling.TotalMilliseconds, exponential));
        row = row with { ConflictRetries = conflicts, LastError = error, NextAttemptAt = clock.GetUtcNow() + delay };
        await store.UpdateAsync(row);
        _queue.Update(row);
        return (row, delay);
    }

    private async Task<(OutboxRow, TimeSpan?)> ScheduleRetryAsync(OutboxRow row, string error)
    {
        if (row.Attempts - row.ConflictRetries >= Options.MaxAttempts)
        {
            row = row with { DeadLettered = true, LastError = error, NextAttemptAt = null };
            _queue.Update(row);
            logger.LogWarning("Command {CommandId} dead-lettered after {Attempts} attempts: {Error}", row.CommandId, row.Attempts, error);
            metrics.RecordFinished("dead_lettered");
            PublishDeadLetter(row);
            try
            {
                await store.UpdateAsync(row);
            }
            catch (Exception unavailable)
            {
                // Kept in memory; the row is stored dead-lettered at the operator's retry or cancel, or retried after a restart.
                logger.LogWarning(unavailable, "Could not store the dead letter of command {CommandId}", row.CommandId);
            }
            return (row, null);
        }
        var delay = RetryDelay(row.Attempts);
        row = row with { LastError = error, NextAttemptAt = clock.GetUtcNow() + delay };
        _queue.Update(row);
        return (row, delay);
    }

    private TimeSpan RetryDelay(int attempt)
    {
        var exponential = Options.BaseRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 16));
        var capped = Math.Min(exponential, Options.MaxRetryDelay.TotalMilliseconds);
        // Equal jitter: at least half the backoff, so shards that failed together neither retry together nor too soon.
        return TimeSpan.FromMilliseconds(capped / 2 + Random.Shared.NextDouble() * capped / 2);
    }
}
