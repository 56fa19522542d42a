using GxProtocol.Fabric;
using GxProtocol.Grains.Interfaces.Commands;
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
