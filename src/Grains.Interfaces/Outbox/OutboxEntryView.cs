namespace GxProtocol.Grains.Interfaces.Outbox;

[GenerateSerializer, Immutable, Alias("gx.OutboxEntryView")]
public sealed record OutboxEntryView(
    [property: Id(0)] Guid CommandId,
    [property: Id(1)] string TransactionName,
    [property: Id(2)] int Attempts,
    [property: Id(3)] string? LastError,
    [property: Id(4)] DateTimeOffset? NextAttemptAt,
    [property: Id(5)] bool DeadLettered = false,
    [property: Id(6)] long Shard = 0);
