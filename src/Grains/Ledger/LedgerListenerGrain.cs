using System.Runtime.CompilerServices;
using System.Threading.Channels;
using GxProtocol.Fabric;
using GxProtocol.Grains.Infrastructure;
using GxProtocol.Grains.Interfaces.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.BroadcastChannel;

namespace GxProtocol.Grains.Ledger;

/// <summary>
/// The cluster's one reader of chaincode events (key 0: Orleans keeps a single activation). It publishes the events
/// waiting to be read as one batch per subscriber (under load, a block's worth: each subscriber then writes once per
/// batch, not once per event), waits until every subscriber applied its batch, and only then moves the checkpoint. A reminder and
/// each silo's start-up wake it, so after a silo loss it resumes on another silo from the persisted checkpoint.
/// </summary>
[KeepAlive]
public sealed class LedgerListenerGrain(
    [PersistentState("listener", GxStorage.Name)] IPersistentState<LedgerListenerState> state,
    ILedgerClient ledger,
    TimeProvider clock,
    ILogger<LedgerListenerGrain> logger) : Grain, ILedgerListenerGrain, IRemindable
{
    private const string KeepAliveReminder = "listener-keepalive";
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(200);
    private const int MaxEventsPerBatch = 512;
    private readonly CoalescingStateWriter _writer = new(state.WriteStateAsync);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;
    private string? _lastError;
    private DateTimeOffset _lastCheckpointWrite;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await this.RegisterOrUpdateReminder(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        // Any call that (re)activates the listener, after a silo loss too, starts reading again.
        await EnsureRunningAsync();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _writer.WriteAsync();
    }

    public Task EnsureRunningAsync()
    {
        if (_loop is null || _loop.IsCompleted)
        {
            _loop = ReadUntilStoppedAsync();
        }
        return Task.CompletedTask;
    }

    public Task<LedgerListenerStatus> GetStatusAsync() => Task.FromResult(
        new LedgerListenerStatus(state.State.Position, state.State.EventsApplied, _loop is { IsCompleted: false }, _lastError));

    public Task ReceiveReminder(string reminderName, TickStatus status) => EnsureRunningAsync();

    private async Task ReadUntilStoppedAsync()
    {
        var channels = ServiceProvider.GetRequiredKeyedService<IBroadcastChannelProvider>(LedgerChannels.Provider);
        var failures = 0;
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await foreach (var events in ReadBatchesAsync(_stopping.Token))
                {
                    await PublishAsync(channels, events);
                    failures = 0;
                }
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception fault)
            {
                _lastError = fault.Message;
                failures++;
                logger.LogWarning(fault, "Ledger event stream interrupted at {Position}; resuming from the checkpoint", state.State.Position);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * Math.Pow(2, failures))), clock, _stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private LedgerCheckpoint? Checkpoint() => state.State.Position == LedgerPosition.None
        ? new LedgerCheckpoint(0, null)
        : new LedgerCheckpoint(state.State.Position.Block, state.State.TransactionId);

    /// <summary>
    /// The events as they arrive, each time all that are already waiting (up to <see cref="MaxEventsPerBatch"/>): when the
    /// ledger is quiet an event travels alone at once; under load the events read while the last batch was applied go together.
    /// </summary>
    private async IAsyncEnumerable<IReadOnlyList<LedgerEvent>> ReadBatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var waiting = Channel.CreateBounded<LedgerEvent>(new BoundedChannelOptions(4 * MaxEventsPerBatch) { SingleReader = true, SingleWriter = true });
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = ReadIntoAsync(waiting.Writer, stopReading.Token);
        try
        {
            // Rethrows the stream's fault once the events read before it are published.
            while (await waiting.Reader.WaitToReadAsync(cancellationToken))
            {
                var batch = new List<LedgerEvent>();
                while (batch.Count < MaxEventsPerBatch && waiting.Reader.TryRead(out var ledgerEvent))
                {
                    batch.Add(ledgerEvent);
                }
                yield return batch;
            }
        }
        finally
        {
            await stopReading.CancelAsync();
            await reading;
        }
    }

    private async Task ReadIntoAsync(ChannelWriter<LedgerEvent> waiting, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var ledgerEvent in ledger.ReadEventsAsync(Checkpoint(), cancellationToken))
            {
                await waiting.WriteAsync(ledgerEvent, cancellationToken);
            }
            waiting.TryComplete();
        }
        catch (Exception fault)
        {
            waiting.TryComplete(fault);
        }
    }

    private async Task PublishAsync(IBroadcastChannelProvider channels, IReadOnlyList<LedgerEvent> events)
    {
        var position = state.State.Position;
        var observedAt = clock.GetUtcNow();
        var batches = new Dictionary<ChannelId, List<LedgerEventEnvelope>>();
        foreach (var ledgerEvent in events)
        {
            position = position.Next(ledgerEvent.BlockNumber);
            var envelope = new LedgerEventEnvelope(position, ledgerEvent.TransactionId, ledgerEvent.EventName, ledgerEvent.Payload, observedAt);
            foreach (var channel in LedgerEventRouting.ChannelsFor(envelope))
            {
                if (!batches.TryGetValue(channel, out var batch))
                {
                    batches[channel] = batch = [];
                }
                batch.Add(envelope);
            }
        }
        await Task.WhenAll(batches.Select(b => channels.GetChannelWriter<LedgerEventBatch>(b.Key).Publish(new LedgerEventBatch(b.Value))));

        state.State.Position = position;
        state.State.TransactionId = events[^1].TransactionId;
        state.State.EventsApplied += events.Count;
        // Subscribers ignore what they already applied, so the checkpoint may trail by a moment: write at most every interval.
        if (clock.GetUtcNow() - _lastCheckpointWrite >= CheckpointInterval)
        {
            _lastCheckpointWrite = clock.GetUtcNow();
            await _writer.WriteAsync();
        }
    }
}
