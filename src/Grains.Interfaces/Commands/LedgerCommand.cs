namespace GxProtocol.Grains.Interfaces.Commands;

/// <summary>
/// A ledger transaction an aggregate grain accepted. <see cref="Origin"/> is told when it finishes, so it can release
/// whatever it held for the command; <see cref="Hold"/> is what it held, in Qirat, so the hold can be rebuilt from the
/// command's outbox row.
/// </summary>
[GenerateSerializer, Immutable, Alias("gx.LedgerCommand")]
public sealed record LedgerCommand(
    [property: Id(0)] Guid CommandId,
    [property: Id(1)] string TransactionName,
    [property: Id(2)] IReadOnlyList<string> Arguments,
    [property: Id(3)] GrainId Origin,
    [property: Id(4)] Guid? OwnerUserId,
    [property: Id(5)] DateTimeOffset AcceptedAt,
    [property: Id(6)] long Hold = 0);
