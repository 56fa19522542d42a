namespace GxProtocol.Grains.Interfaces.Governance;

/// <summary>A vote: <see cref="Vote"/> is FOR, AGAINST or ABSTAIN.</summary>
[GenerateSerializer, Immutable, Alias("gx.ProposalVote")]
public sealed record ProposalVote(
    [property: Id(0)] Guid CommandId,
    [property: Id(1)] Guid VoterId,
    [property: Id(2)] string Vote,
    [property: Id(3)] string? Reason);
