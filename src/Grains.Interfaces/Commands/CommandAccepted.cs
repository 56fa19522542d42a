namespace GxProtocol.Grains.Interfaces.Commands;

/// <summary>The answer to a ledger command: the 202 body <c>{commandId, status}</c>.</summary>
[GenerateSerializer, Immutable, Alias("gx.CommandAccepted")]
public sealed record CommandAccepted([property: Id(0)] Guid CommandId, [property: Id(1)] CommandState Status);
