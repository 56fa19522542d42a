using GxProtocol.Grains.Interfaces.Commands;

namespace GxProtocol.Grains.Interfaces.Governance;

/// <summary>A submitted proposal's id (known before the ledger commits) and its SubmitProposal command.</summary>
[GenerateSerializer, Immutable, Alias("gx.ProposalAccepted")]
public sealed record ProposalAccepted([property: Id(0)] Guid ProposalId, [property: Id(1)] CommandAccepted Command);
