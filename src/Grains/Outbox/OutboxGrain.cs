using System.Diagnostics;
using GxProtocol.Fabric;
using GxProtocol.Grains.Infrastructure;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GxProtocol.Grains.Outbox;

/// <summary>
/// One shard of the outbox: a persisted queue of accepted commands, submitted to the ledger with bounded concurrency.
/// Transient faults retry with backoff; chaincode refusals fail the command and tell its origin; a repeat of a
/// committed transaction (DUPLICATE_TXID) is looked up and counts as committed. A reminder wakes the shard after a crash.
/// </summary>
public sealed class OutboxGrain(
    [PersistentState("outbox", GxStorage.Name)] IPersistentState<OutboxState> state,
    ILedgerClient ledger,
    IOptions<OutboxOptions> options,
    OutboxMetrics metrics,
    TimeProvider clock,
    ILogger<OutboxGrain> logger) : Grain, IOutboxGrain, IRemindable
{
    private const string WakeReminder = "outbox-wake";
    private static readonly TimeSpan ConflictRetryCeiling = TimeSpan.FromSeconds(1);
    private readonly HashSet<Guid> _inFlight = [];
    private readonly HashSet<GrainId> _busyOrigins = [];
    private readonly CoalescingStateWriter _writer = new(state.WriteStateAsync);
    private OutboxOptions Options => options.Value;
    private Dictionary<Guid, OutboxEntry> Entries => state.State.Entries;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        PublishDepth();
        StartDueSubmissions();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.ForgetShard(this.GetPrimaryKeyLong());
        return Task.CompletedTask;
    }

    public async Task EnqueueAsync(LedgerCommand command)
    {
        if (!Entries.TryAdd(command.CommandId, new OutboxEntry { Command = command }))
        {
            return;
        }
        await _writer.WriteAsync();
        PublishDepth();
        await this.RegisterOrUpdateReminder(WakeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        StartDueSubmissions();
    }

    public Task<IReadOnlyList<OutboxEntryView>> GetQueueAsync() =>
        Task.FromResult<IReadOnlyList<OutboxEntryView>>(Entries.Values
            .Select(e => new OutboxEntryView(e.Command.CommandId, e.Command.TransactionName, e.Attempts, e.LastError, e.NextAttemptAt,
                e.DeadLettered, this.GetPrimaryKeyLong()))
            .ToList());

    public Task WakeAsync() => Task.CompletedTask;

    public async Task<bool> RetryAsync(Guid commandId)
    {
        if (!Entries.TryGetValue(commandId, out var entry) || !entry.DeadLettered)
        {
            return false;
        }
        entry.DeadLettered = false;
        entry.Attempts = 0;
        entry.NextAttemptAt = null;
        await _writer.WriteAsync();
        StartDueSubmissions();
        return true;
    }

    public async Task<bool> CancelAsync(Guid commandId, string reason)
    {
        // Only a dead-lettered command is at rest: one in flight may be committing right now.
        if (!Entries.TryGetValue(commandId, out var entry) || !entry.DeadLettered)
        {
            return false;
        }
        await FailAsync(entry, GrainFactory.GetGrain<ICommandGrain>(commandId), "CANCELLED", reason, Stopwatch.GetTimestamp());
        return true;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Entries.Count == 0)
        {
            var reminder = await this.GetReminder(WakeReminder);
            if (reminder is not null)
            {
                await this.UnregisterReminder(reminder);
            }
            return;
        }
        StartDueSubmissions();
    }

    /// <summary>
    /// Starts submissions up to the concurrency bound, one at a time per originating aggregate and in the order it
    /// accepted them: a later command of a wallet must not race an earlier one to the ledger.
    /// </summary>
    private void StartDueSubmissions()
    {
        foreach (var entry in Entries.Values.OrderBy(e => e.Command.AcceptedAt))
        {
            if (_inFlight.Count >= Options.MaxConcurrentSubmissionsPerShard)
            {
                return;
            }
            if (!entry.DeadLettered && !_busyOrigins.Contains(entry.Command.Origin) && _inFlight.Add(entry.Command.CommandId))
            {
                _busyOrigins.Add(entry.Command.Origin);
                _ = SubmitUntilFinishedAsync(entry);
            }
        }
    }

    private async Task SubmitUntilFinishedAsync(OutboxEntry entry)
    {
        try
        {
            while (Entries.ContainsKey(entry.Command.CommandId) && !entry.DeadLettered)
            {
                var retryDelay = await SubmitOnceAsync(entry);
                if (retryDelay is not { } delay)
                {
                    break;
                }
                await Task.Delay(delay, clock);
            }
        }
        catch (Exception unexpected)
        {
            logger.LogError(unexpected, "Outbox loop for command {CommandId} stopped; the reminder resumes it", entry.Command.CommandId);
        }
        finally
        {
            _inFlight.Remove(entry.Command.CommandId);
            _busyOrigins.Remove(entry.Command.Origin);
            StartDueSubmissions();
        }
    }

    /// <summary>One attempt; returns the delay before the next one, or null when the command is finished.</summary>
    private async Task<TimeSpan?> SubmitOnceAsync(OutboxEntry entry)
    {
        var command = entry.Command;
        var tracker = GrainFactory.GetGrain<ICommandGrain>(command.CommandId);
        entry.Attempts++;
        var started = Stopwatch.GetTimestamp();
        try
        {
            await tracker.RecordSubmittedAsync(ledger.TransactionIdFor(entry.SubmissionId), entry.Attempts);
            using var timeout = new CancellationTokenSource(Options.SubmitTimeout);
            var committed = await ledger.SubmitAsync(entry.SubmissionId, command.TransactionName, command.Arguments, timeout.Token);
            return await CommitAsync(entry, tracker, committed.TransactionId, committed.BlockNumber, started);
        }
        catch (LedgerCommitException duplicate) when (duplicate.IsDuplicate)
        {
            // Submitted before (a retry after a crash or a lost answer): the first commit's status decides.
            var original = await ledger.GetCommitStatusAsync(duplicate.TransactionId);
            if (original.IsValid)
            {
                return await CommitAsync(entry, tracker, original.TransactionId, original.BlockNumber, started);
            }
            return IsReadConflict(original.ValidationCode)
                ? await RetryUnderNextIdAsync(entry, $"read conflict (TX_{original.ValidationCode})")
                : await FailAsync(entry, tracker, $"TX_{original.ValidationCode}", "The transaction was committed invalid.", started);
        }
        catch (LedgerCommitException conflict) when (IsReadConflict(conflict.ValidationCode))
        {
            return await RetryUnderNextIdAsync(entry, conflict.Message);
        }
        catch (LedgerException fault) when (!fault.IsTransient)
        {
            var code = fault is LedgerCommitException commit ? $"TX_{commit.ValidationCode}" : "CHAINCODE_REJECTED";
            return await FailAsync(entry, tracker, code, fault.Message, started);
        }
        catch (Exception transient)
        {
            // Transport faults, deadlines, and grain calls that fail while the cluster is losing a silo: all pass.
            return await ScheduleRetryAsync(entry, transient.Message);
        }
    }

    private static bool IsReadConflict(int validationCode) =>
        validationCode is TxValidationCodes.MvccReadConflict or TxValidationCodes.PhantomReadConflict;

    private async Task<TimeSpan?> CommitAsync(OutboxEntry entry, ICommandGrain tracker, string transactionId, ulong blockNumber, long started)
    {
        await tracker.RecordCommittedAsync(transactionId, blockNumber);
        await FinishAsync(entry, "committed", started);
        return null;
    }

    /// <summary>The conflicted id is spent: persist the move to the next one before it is ever submitted.</summary>
    private async Task<TimeSpan?> RetryUnderNextIdAsync(OutboxEntry entry, string error)
    {
        entry.ConflictRetries++;
        entry.LastError = error;
        await _writer.WriteAsync();
        // A conflict clears with the next block, not with time: back off exponentially but only up to a second, with full
        // jitter so contenders spread over blocks.
        // Conflicts do not spend the attempt budget: under contention a command waits its turn, it does not fail.
        var exponential = Options.BaseRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(entry.ConflictRetries - 1, 10));
        var delay = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(ConflictRetryCeiling.TotalMilliseconds, exponential));
        entry.NextAttemptAt = clock.GetUtcNow() + delay;
        return delay;
    }

    private async Task<TimeSpan?> ScheduleRetryAsync(OutboxEntry entry, string error)
    {
        entry.LastError = error;
        if (entry.Attempts - entry.ConflictRetries >= Options.MaxAttempts)
        {
            entry.DeadLettered = true;
            logger.LogWarning("Command {CommandId} dead-lettered after {Attempts} attempts: {Error}", entry.Command.CommandId, entry.Attempts, error);
            metrics.RecordFinished("dead_lettered");
            await _writer.WriteAsync();
            return null;
        }
        var delay = RetryDelay(entry.Attempts);
        entry.NextAttemptAt = clock.GetUtcNow() + delay;
        return delay;
    }

    private TimeSpan RetryDelay(int attempt)
    {
        var exponential = Options.BaseRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 16));
        var capped = Math.Min(exponential, Options.MaxRetryDelay.TotalMilliseconds);
        // Full jitter keeps shards that failed together from retrying together.
        return TimeSpan.FromMilliseconds(capped / 2 + Random.Shared.NextDouble() * capped / 2);
    }

    private async Task<TimeSpan?> FailAsync(OutboxEntry entry, ICommandGrain tracker, string code, string message, long started)
    {
        await tracker.RecordFailedAsync(code, message);
        await GrainFactory.GetGrain<ICommandOrigin>(entry.Command.Origin).OnCommandFailedAsync(entry.Command.CommandId, code, message);
        await FinishAsync(entry, "failed", started);
        return null;
    }

    private async Task FinishAsync(OutboxEntry entry, string status, long started)
    {
        Entries.Remove(entry.Command.CommandId);
        metrics.RecordFinished(status);
        metrics.RecordSubmitLatency(Stopwatch.GetElapsedTime(started));
        PublishDepth();
        await _writer.WriteAsync();
    }

    private void PublishDepth() => metrics.SetDepth(this.GetPrimaryKeyLong(), Entries.Count);
}
