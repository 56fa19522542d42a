using GxProtocol.Grains.Interfaces.Commands;

namespace GxProtocol.Grains.Interfaces.Organizations;

/// <summary>The accepted initiation and the id its multi-signature transaction gets on chain.</summary>
[GenerateSerializer, Immutable, Alias("gx.MultiSigTxAccepted")]
public sealed record MultiSigTxAccepted([property: Id(0)] CommandAccepted Command, [property: Id(1)] Guid PendingTxId);
