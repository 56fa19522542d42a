using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Outbox;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace GxProtocol.Grains.Outbox;

[StatelessWorker]
public sealed class OutboxAdminGrain(IOptions<OutboxOptions> options) : Grain, IOutboxAdminGrain
{
    public async Task<OutboxOverview> GetOverviewAsync()
    {
        var queues = await Task.WhenAll(Enumerable.Range(0, options.Value.ShardCount)
            .Select(async shard => (Shard: (long)shard, Entries: await GrainFactory.GetGrain<IOutboxGrain>(shard).GetQueueAsync())));
        return new OutboxOverview(
            queues.Sum(q => q.Entries.Count),
            queues.ToDictionary(q => q.Shard, q => q.Entries.Count),
            queues.SelectMany(q => q.Entries).Where(e => e.DeadLettered).ToList());
    }

    public async Task<bool> RetryAsync(Guid commandId) =>
        await ShardOf(commandId) is { } shard && await shard.RetryAsync(commandId);

    public async Task<bool> CancelAsync(Guid commandId, string reason) =>
        await ShardOf(commandId) is { } shard && await shard.CancelAsync(commandId, reason);

    private async Task<IOutboxGrain?> ShardOf(Guid commandId) =>
        await GrainFactory.GetGrain<ICommandGrain>(commandId).GetAsync() is { OutboxShard: { } shard }
            ? GrainFactory.GetGrain<IOutboxGrain>(shard)
            : null;
}
