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
}
