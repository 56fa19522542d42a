namespace GxProtocol.Grains.Interfaces.Governance;

/// <summary>
/// A proposal as its grain knows it. <see cref="Status"/>: PENDING (submitted, not yet on the ledger), ACTIVE, EXECUTED,
/// FAILED, or REJECTED (the ledger refused the submission). <see cref="VotingEndsAt"/> is set once the ledger committed it.
/// </summary>
[GenerateSerializer, Immutable, Alias("gx.ProposalView")]
public sealed record ProposalView(
    [property: Id(0)] Guid ProposalId,
    [property: Id(1)] Guid ProposerId,
    [property: Id(2)] string Title,
    [property: Id(3)] string Description,
    [property: Id(4)] string TargetParameter,
    [property: Id(5)] long ProposedValue,
    [property: Id(6)] string Status,
    [property: Id(7)] long VotesFor,
    [property: Id(8)] long VotesAgainst,
    [property: Id(9)] long VotesAbstain,
    [property: Id(10)] DateTimeOffset SubmittedAt,
    [property: Id(11)] DateTimeOffset? VotingEndsAt,
    [property: Id(12)] string? Outcome,
    [property: Id(13)] long? OldValue)
{
    public const string Pending = "PENDING";
    public const string Rejected = "REJECTED";
}
