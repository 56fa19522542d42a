using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Outbox;
using GxProtocol.Grains.Outbox;
using Microsoft.Extensions.Options;

namespace GxProtocol.Grains.Commands;

/// <summary>
/// Hands an accepted command to its outbox shard, whose row is also the command's status record. The hand-off is
/// idempotent, so an aggregate calls it again for every pending command when it activates: nothing accepted is ever
/// dropped, and a command that finished meanwhile is reported to its origin again.
/// </summary>
public sealed class CommandHandoff(IGrainFactory grains, IOutboxStore store, IOptions<OutboxOptions> options)
{
    public Task<CommandStatus> HandOffAsync(LedgerCommand command, string aggregateId) =>
        grains.GetGrain<IOutboxGrain>(OutboxShards.For(aggregateId, options.Value.ShardCount)).EnqueueAsync(command);

    public async Task HandOffAllAsync(IEnumerable<LedgerCommand> commands, string aggregateId)
    {
        foreach (var command in commands.ToList())
        {
            await HandOffAsync(command, aggregateId);
        }
    }

    /// <summary>An origin's commands that have not finished, as their outbox rows record them, in acceptance order.</summary>
    public async Task<IReadOnlyList<LedgerCommand>> UnfinishedAsync(GrainId origin) =>
        (await store.LoadUnfinishedAsync(origin)).Select(r => r.Command).ToList();

    /// <summary>
    /// The answer to a command id the aggregate has seen before, or null for a new one. A pending command is handed
    /// off again (its first hand-off may have died with a silo, or its row may have been stored although the
    /// aggregate heard an error); a finished one answers from its row.
    /// </summary>
    public async Task<CommandAccepted?> RepeatedAsync(CommandLog log, Guid commandId, string aggregateId)
    {
        if (!log.Pending.TryGetValue(commandId, out var pending))
        {
            if (await store.GetAsync(commandId) is not { } row)
            {
                return null;
            }
            if (row.IsFinished)
            {
                return new CommandAccepted(commandId, row.State);
            }
            log.Pending[commandId] = pending = row.Command;
        }
        return new CommandAccepted(commandId, (await HandOffAsync(pending, aggregateId)).State);
    }

    /// <summary>
    /// Records the command in the log and stores the aggregate's state while the outbox stores the command's row: the
    /// two writes run side by side, so accepting costs one round trip in sequence. Should either fail, the caller sees
    /// the failure and its retry (same command id) finds the command pending here or queued there.
    /// </summary>
    public async Task<CommandAccepted> AcceptAsync(CommandLog log, LedgerCommand command, string aggregateId, Func<Task> writeState)
    {
        log.Pending[command.CommandId] = command;
        await Task.WhenAll(writeState(), HandOffAsync(command, aggregateId));
        return new CommandAccepted(command.CommandId, CommandState.Pending);
    }
}
