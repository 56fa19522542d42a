namespace GxProtocol.Grains.Outbox;

/// <summary>
/// How earlier versions stored a shard: the whole queue in grain state, rewritten on every change. An activation moves
/// what it finds here into <see cref="IOutboxStore"/> rows and clears it.
/// </summary>
[GenerateSerializer, Alias("gx.OutboxState")]
public sealed class OutboxState
{
    [Id(0)] public Dictionary<Guid, OutboxEntry> Entries { get; set; } = [];
}
