namespace GxProtocol.Grains.Interfaces.Commands;

/// <summary>What <c>GET /identity/api/v1/commands/{id}</c> shows.</summary>
[GenerateSerializer, Immutable, Alias("gx.CommandStatus")]
public sealed record CommandStatus(
    [property: Id(0)] Guid CommandId,
    [property: Id(1)] string TransactionName,
    [property: Id(2)] Guid? OwnerUserId,
    [property: Id(3)] CommandState State,
    [property: Id(4)] DateTimeOffset AcceptedAt,
    [property: Id(5)] string? TransactionId = null,
    [property: Id(6)] ulong? BlockNumber = null,
    [property: Id(7)] string? ErrorCode = null,
    [property: Id(8)] string? ErrorMessage = null,
    [property: Id(9)] DateTimeOffset? CompletedAt = null,
    [property: Id(10)] int Attempts = 0,
    [property: Id(11)] long? OutboxShard = null)
{
    public bool IsFinished => State is CommandState.Committed or CommandState.Failed;
}
