using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Outbox;
using GxProtocol.Grains.Outbox;
using Microsoft.Extensions.Options;

namespace GxProtocol.Grains.Commands;

/// <summary>
/// Hands an accepted command to its status record and its outbox shard. Both steps are idempotent, so an
/// aggregate calls this again for every pending command when it activates: nothing accepted is ever dropped.
/// </summary>
public sealed class CommandHandoff(IGrainFactory grains, IOptions<OutboxOptions> options)
{
    public async Task HandOffAsync(LedgerCommand command, string aggregateId)
    {
        var shard = OutboxShards.For(aggregateId, options.Value.ShardCount);
        await grains.GetGrain<ICommandGrain>(command.CommandId).RecordAcceptedAsync(command, shard);
        await grains.GetGrain<IOutboxGrain>(shard).EnqueueAsync(command);
    }

    public async Task HandOffAllAsync(IEnumerable<LedgerCommand> commands, string aggregateId)
    {
        foreach (var command in commands)
        {
            await HandOffAsync(command, aggregateId);
        }
    }

    /// <summary>
    /// The answer to a command id the aggregate has seen before, or null for a new one. A pending command is handed
    /// off again: its first hand-off may have died with a silo.
    /// </summary>
    public async Task<CommandAccepted?> RepeatedAsync(CommandLog log, Guid commandId, string aggregateId)
    {
        if (log.Pending.TryGetValue(commandId, out var pending))
        {
            await HandOffAsync(pending, aggregateId);
            return new CommandAccepted(commandId, CommandState.Pending);
        }
        if (!log.RecentlyFinished.Contains(commandId))
        {
            return null;
        }
        var status = await grains.GetGrain<ICommandGrain>(commandId).GetAsync();
        return new CommandAccepted(commandId, status?.State ?? CommandState.Committed);
    }

    /// <summary>Records the command in the log, persists the grain state with it, then hands it off.</summary>
    public async Task<CommandAccepted> AcceptAsync(CommandLog log, LedgerCommand command, string aggregateId, Func<Task> writeState)
    {
        log.Pending[command.CommandId] = command;
        await writeState();
        await HandOffAsync(command, aggregateId);
        return new CommandAccepted(command.CommandId, CommandState.Pending);
    }
}
