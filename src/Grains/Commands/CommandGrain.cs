using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Outbox;
using GxProtocol.Grains.Outbox;
using Orleans.Concurrency;

namespace GxProtocol.Grains.Commands;

/// <summary>
/// Reads one command's status from its outbox row; nothing here is written. Waiting for the commit is the outbox
/// shard's job, which knows the moment the command finishes. Commands finished before outbox rows existed keep their
/// status in the grain state earlier versions wrote.
/// </summary>
[Reentrant]
public sealed class CommandGrain(
    [PersistentState("command", GxStorage.Name)] IPersistentState<CommandGrainState> legacyState,
    IOutboxStore store) : Grain, ICommandGrain
{
    public async Task<CommandStatus?> GetAsync() =>
        (await store.GetAsync(this.GetPrimaryKey()))?.ToStatus() ?? legacyState.State.Status;

    public async Task<CommandStatus?> WaitForCompletionAsync(TimeSpan timeout)
    {
        // A grain call must answer within Orleans' response timeout (30 s); longer waits are the caller's loop.
        timeout = TimeSpan.FromTicks(Math.Min(timeout.Ticks, ICommandGrain.MaxWait.Ticks));
        var status = await GetAsync();
        if (status is not { IsFinished: false, OutboxShard: { } shard } || timeout <= TimeSpan.Zero)
        {
            return status;
        }
        // Null when it finished between the two reads, or is still running at the timeout: the row then has the answer.
        return await GrainFactory.GetGrain<IOutboxGrain>(shard).WaitForCompletionAsync(this.GetPrimaryKey(), timeout)
            ?? await GetAsync();
    }
}
