namespace GxProtocol.Grains.Interfaces.Idempotency;

[GenerateSerializer, Immutable, Alias("gx.IdempotencyDecision")]
public sealed record IdempotencyDecision(
    [property: Id(0)] IdempotencyOutcome Outcome,
    [property: Id(1)] StoredResponse? Response = null)
{
    public static IdempotencyDecision Proceed { get; } = new(IdempotencyOutcome.Proceed);
    public static IdempotencyDecision Conflict { get; } = new(IdempotencyOutcome.Conflict);
    public static IdempotencyDecision InProgress { get; } = new(IdempotencyOutcome.InProgress);

    public static IdempotencyDecision Replay(StoredResponse response) => new(IdempotencyOutcome.Replay, response);
}
