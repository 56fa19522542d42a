using System.Diagnostics;
using GxProtocol.Fabric;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace GxProtocol.Grains.Outbox;

/// <summary>
/// One shard of the outbox. Its commands are rows in <see cref="IOutboxStore"/>; the shard keeps the unfinished ones in
/// memory, loads them on activation, and writes one small row per change, so a write costs the same with ten or ten
/// thousand commands queued. Submissions run with bounded concurrency, one at a time per originating aggregate.
/// Transient faults retry with backoff; chaincode refusals fail the command; a repeat of a committed transaction
/// (DUPLICATE_TXID) is looked up and counts as committed. The origin is told when its command finishes either way.
/// </summary>
/// <remarks>
/// Reentrant so that hand-offs from many aggregates interleave and their row inserts share database round trips;
/// all state is in memory and changed only between awaits.
/// </remarks>
[Reentrant]
public sealed partial class OutboxGrain(
    [PersistentState("outbox", GxStorage.Name)] IPersistentState<OutboxState> legacyState,
    IOutboxStore store,
    ILedgerClient ledger,
    IOptions<OutboxOptions> options,
    OutboxMetrics metrics,
    TimeProvider clock,
    ILogger<OutboxGrain> logger) : Grain, IOutboxGrain, IRemindable
{
    private const string WakeReminder = "outbox-wake";
    private static readonly TimeSpan ConflictRetryCeiling = TimeSpan.FromSeconds(1);

    /// <summary>CommitStatus waits for a transaction the ledger has not seen; this long without an answer means "never submitted".</summary>
    private static readonly TimeSpan CancelLookupTimeout = TimeSpan.FromSeconds(3);

    /// <summary>With the retry backoff, about half a minute: longer than a silo failover takes.</summary>
    private const int OriginNotificationAttempts = 10;

    private readonly OutboxQueue _queue = new();
    private readonly Dictionary<Guid, Task<OutboxRow?>> _adding = [];
    private readonly Dictionary<Guid, TaskCompletionSource<CommandStatus>> _waiters = [];
    private int _inFlight;

    private OutboxOptions Options => options.Value;
    private long Shard => this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await MoveLegacyEntriesToRowsAsync();
        foreach (var row in await store.LoadUnfinishedAsync(Shard))
        {
            _queue.Add(row);
        }
        PublishDepth();
        // Registered once per activation, never per command: it only brings the shard back after its silo died.
        await this.RegisterOrUpdateReminder(WakeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        StartDueSubmissions();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.ForgetShard(Shard);
        return Task.CompletedTask;
    }

    public async Task<CommandStatus> EnqueueAsync(LedgerCommand command)
    {
        if (_queue.TryGet(command.CommandId, out var queued))
        {
            return queued.ToStatus();
        }
        if (!_adding.TryGetValue(command.CommandId, out var adding))
        {
            _adding[command.CommandId] = adding = AddRowAsync(new OutboxRow(command, Shard, TraceParent: OutboxTracing.CurrentTraceParent()));
        }
        try
        {
            return (await adding ?? new OutboxRow(command, Shard)).ToStatus();
        }
        finally
        {
            _adding.Remove(command.CommandId);
        }
    }

    public Task<IReadOnlyList<OutboxEntryView>> GetQueueAsync() =>
        Task.FromResult<IReadOnlyList<OutboxEntryView>>(_queue.Rows
            .Select(r => new OutboxEntryView(r.CommandId, r.Command.TransactionName, r.Attempts, r.LastError, r.NextAttemptAt, r.DeadLettered, Shard))
            .ToList());

    public Task WakeAsync() => Task.CompletedTask;

    public async Task<CommandStatus?> WaitForCompletionAsync(Guid commandId, TimeSpan timeout)
    {
        if (!_queue.TryGet(commandId, out _))
        {
            return null;
        }
        if (!_waiters.TryGetValue(commandId, out var waiter))
        {
            _waiters[commandId] = waiter = new TaskCompletionSource<CommandStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        try
        {
            return await waiter.Task.WaitAsync(timeout, clock);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

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

    /// <summary>
    /// Also picks up rows stored without this shard hearing of it (a commit whose acknowledgement was lost when the
    /// database restarted): the rows, not the memory, are the queue of record.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        foreach (var row in await store.LoadUnfinishedAsync(Shard))
        {
            if (!_queue.TryGet(row.CommandId, out _) && !_adding.ContainsKey(row.CommandId))
            {
                _queue.Add(row);
            }
        }
        PublishDepth();
        StartDueSubmissions();
    }

    private async Task<OutboxRow?> AddRowAsync(OutboxRow row)
    {
        var existing = await store.AddAsync(row);
        if (existing is null)
        {
            _queue.Add(row);
            PublishDepth();
            StartDueSubmissions();
        }
        else if (existing.IsFinished)
        {
            // Handed off again after it finished (the origin reactivated before it heard): tell the origin once more.
            // Not awaited: the origin is waiting for this hand-off to return.
            _ = TellOriginAsync(existing);
        }
        else if (existing.Shard == Shard && !_queue.TryGet(existing.CommandId, out _))
        {
            _queue.Add(existing);
            PublishDepth();
            StartDueSubmissions();
        }
        return existing;
    }

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

    private Task CommitAsync(OutboxRow row, string transactionId, ulong blockNumber, long started) =>
        FinishAsync(row with { State = CommandState.Committed, TransactionId = transactionId, BlockNumber = blockNumber }, "committed", started);

    private Task FailAsync(OutboxRow row, string code, string message, long started) =>
        FinishAsync(row with { State = CommandState.Failed, ErrorCode = code, ErrorMessage = message }, "failed", started);

    /// <summary>
    /// Stores the final row, forgets the command and tells its origin. The origin is told in the background: it may be
    /// busy with its own requests, and waiting for it would keep the next command of the shard waiting too. Should every
    /// attempt fail, the origin still learns when it activates next (its hand-off or its rows show the command finished).
    /// </summary>
    private async Task FinishAsync(OutboxRow finished, string outcome, long started)
    {
        finished = finished with { DeadLettered = false, NextAttemptAt = null, CompletedAt = clock.GetUtcNow() };
        await store.UpdateAsync(finished);
        _queue.Remove(finished.CommandId);
        if (_waiters.Remove(finished.CommandId, out var waiter))
        {
            waiter.TrySetResult(finished.ToStatus());
        }
        metrics.RecordFinished(outcome);
        metrics.RecordSubmitLatency(Stopwatch.GetElapsedTime(started));
        PublishDepth();
        _ = TellOriginAsync(finished);
    }

    private async Task TellOriginAsync(OutboxRow finished)
    {
        var origin = GrainFactory.GetGrain<ICommandOrigin>(finished.Command.Origin);
        using var span = OutboxTracing.StartFinished(finished);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await (finished.State == CommandState.Committed
                    ? origin.OnCommandCommittedAsync(finished.CommandId, finished.BlockNumber ?? 0)
                    : origin.OnCommandFailedAsync(finished.CommandId, finished.ErrorCode ?? "FAILED", finished.ErrorMessage ?? ""));
                return;
            }
            catch (Exception unreachable) when (attempt < OriginNotificationAttempts)
            {
                logger.LogDebug(unreachable, "Could not tell the origin of command {CommandId} it finished; trying again", finished.CommandId);
                await Task.Delay(RetryDelay(attempt), clock);
            }
            catch (Exception unreachable)
            {
                logger.LogWarning(unreachable, "Gave up telling the origin of command {CommandId} it finished; it learns at its next activation", finished.CommandId);
                return;
            }
        }
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

    /// <summary>Shards stored by earlier versions kept their whole queue in grain state: it becomes rows once, then is cleared.</summary>
    private async Task MoveLegacyEntriesToRowsAsync()
    {
        if (legacyState.State.Entries.Count == 0)
        {
            return;
        }
        foreach (var entry in legacyState.State.Entries.Values.OrderBy(e => e.Command.AcceptedAt))
        {
            await store.AddAsync(new OutboxRow(entry.Command, Shard, Attempts: entry.Attempts, ConflictRetries: entry.ConflictRetries,
                LastError: entry.LastError, NextAttemptAt: entry.NextAttemptAt, DeadLettered: entry.DeadLettered));
        }
        await legacyState.ClearStateAsync();
    }

    private void PublishDepth() => metrics.SetDepth(Shard, _queue.Count);
}
