using GxProtocol.Fabric;
using GxProtocol.Grains.Infrastructure;
using GxProtocol.Grains.Interfaces.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.BroadcastChannel;

namespace GxProtocol.Grains.Ledger;

/// <summary>
/// The cluster's one reader of chaincode events (key 0: Orleans keeps a single activation). It publishes each event to
/// the broadcast channels, waits until every subscriber applied it, and only then moves the checkpoint. A reminder and
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
                await foreach (var ledgerEvent in ledger.ReadEventsAsync(Checkpoint(), _stopping.Token))
                {
                    await PublishAsync(channels, ledgerEvent);
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

    private async Task PublishAsync(IBroadcastChannelProvider channels, LedgerEvent ledgerEvent)
    {
        var position = state.State.Position.Next(ledgerEvent.BlockNumber);
        var envelope = new LedgerEventEnvelope(position, ledgerEvent.TransactionId, ledgerEvent.EventName, ledgerEvent.Payload, clock.GetUtcNow());
        await Task.WhenAll(LedgerEventRouting.ChannelsFor(envelope)
            .Select(channel => channels.GetChannelWriter<LedgerEventEnvelope>(channel).Publish(envelope)));

        state.State.Position = position;
        state.State.TransactionId = ledgerEvent.TransactionId;
        state.State.EventsApplied++;
        // Subscribers ignore what they already applied, so the checkpoint may trail by a moment: write at most every interval.
        if (clock.GetUtcNow() - _lastCheckpointWrite >= CheckpointInterval)
        {
            _lastCheckpointWrite = clock.GetUtcNow();
            await _writer.WriteAsync();
        }
    }
}
