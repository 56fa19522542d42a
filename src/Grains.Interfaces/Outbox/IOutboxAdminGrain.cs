namespace GxProtocol.Grains.Interfaces.Outbox;

/// <summary>The operators' view of the whole outbox, from any silo (it knows the shard count; frontends do not).</summary>
[Alias("gx.IOutboxAdminGrain")]
public interface IOutboxAdminGrain : IGrainWithIntegerKey
{
    [Alias("GetOverview")] Task<OutboxOverview> GetOverviewAsync();

    /// <summary>Retries a dead-lettered command; false when it is not dead-lettered (unknown, in flight or finished).</summary>
    [Alias("Retry")] Task<bool> RetryAsync(Guid commandId);

    /// <summary>Cancels a dead-lettered command; false when it is not dead-lettered.</summary>
    [Alias("Cancel")] Task<bool> CancelAsync(Guid commandId, string reason);
}

/// <summary>Queue depth per shard and in total, and the commands that need an operator.</summary>
[GenerateSerializer, Immutable, Alias("gx.OutboxOverview")]
public sealed record OutboxOverview(
    [property: Id(0)] int TotalDepth,
    [property: Id(1)] IReadOnlyDictionary<long, int> DepthByShard,
    [property: Id(2)] IReadOnlyList<OutboxEntryView> DeadLettered);
