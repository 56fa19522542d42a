namespace GxProtocol.Grains.Outbox;

[GenerateSerializer, Alias("gx.OutboxState")]
public sealed class OutboxState
{
    [Id(0)] public Dictionary<Guid, OutboxEntry> Entries { get; set; } = [];
}
