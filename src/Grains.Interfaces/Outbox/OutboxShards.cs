namespace GxProtocol.Grains.Interfaces.Outbox;

/// <summary>Picks the outbox shard of an aggregate, so one aggregate's commands always queue in order on one shard.</summary>
public static class OutboxShards
{
    public static long For(string aggregateId, int shardCount)
    {
        // FNV-1a: stable across processes, unlike string.GetHashCode.
        uint hash = 2166136261;
        foreach (var c in aggregateId)
        {
            hash = (hash ^ c) * 16777619;
        }
        return hash % (uint)shardCount;
    }
}
