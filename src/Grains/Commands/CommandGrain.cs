using GxProtocol.Grains.Interfaces.Commands;

namespace GxProtocol.Grains.Commands;

/// <summary>
/// Tracks one command from acceptance to its final state. Only changes of state are written; repeated reports
/// (an outbox retry, a re-handoff after a crash) leave a finished status as it is.
/// </summary>
public sealed class CommandGrain(
    [PersistentState("command", GxStorage.Name)] IPersistentState<CommandGrainState> state,
    TimeProvider clock) : Grain, ICommandGrain
{
    private TaskCompletionSource<CommandStatus>? _completion;

    private CommandStatus? Status => state.State.Status;

    public async Task RecordAcceptedAsync(LedgerCommand command, long outboxShard)
    {
        if (Status is not null)
        {
            return;
        }
        state.State.Status = new CommandStatus(command.CommandId, command.TransactionName, command.OwnerUserId, CommandState.Pending, command.AcceptedAt,
            OutboxShard: outboxShard);
        await state.WriteStateAsync();
    }

    public Task RecordSubmittedAsync(string transactionId, int attempt)
    {
        if (Status is null || Status.IsFinished)
        {
            return Task.CompletedTask;
        }
        // Kept in memory only: SUBMITTED is informative, and losing it on a crash just shows PENDING until the commit.
        state.State.Status = Status with { State = CommandState.Submitted, TransactionId = transactionId, Attempts = attempt };
        return Task.CompletedTask;
    }

    public Task RecordCommittedAsync(string transactionId, ulong blockNumber) =>
        FinishAsync(s => s with { State = CommandState.Committed, TransactionId = transactionId, BlockNumber = blockNumber });

    public Task RecordFailedAsync(string code, string message) =>
        FinishAsync(s => s with { State = CommandState.Failed, ErrorCode = code, ErrorMessage = message });

    public Task<CommandStatus?> GetAsync() => Task.FromResult(Status);

    public async Task<CommandStatus?> WaitForCompletionAsync(TimeSpan timeout)
    {
        // A grain call must answer within Orleans' response timeout (30 s); longer waits are the caller's loop.
        timeout = TimeSpan.FromTicks(Math.Min(timeout.Ticks, ICommandGrain.MaxWait.Ticks));
        if (Status is null || Status.IsFinished || timeout <= TimeSpan.Zero)
        {
            return Status;
        }
        _completion ??= new TaskCompletionSource<CommandStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            return await _completion.Task.WaitAsync(timeout, clock);
        }
        catch (TimeoutException)
        {
            return Status;
        }
    }

    private async Task FinishAsync(Func<CommandStatus, CommandStatus> finish)
    {
        if (Status is null || Status.IsFinished)
        {
            return;
        }
        state.State.Status = finish(Status) with { CompletedAt = clock.GetUtcNow() };
        await state.WriteStateAsync();
        _completion?.TrySetResult(state.State.Status);
    }
}
