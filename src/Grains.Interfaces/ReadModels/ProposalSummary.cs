namespace GxProtocol.Grains.Interfaces.ReadModels;

/// <summary>A governance proposal with its tally (status ACTIVE, EXECUTED or FAILED).</summary>
[GenerateSerializer, Immutable, Alias("gx.ProposalSummary")]
public sealed record ProposalSummary(
    [property: Id(0)] Guid ProposalId,
    [property: Id(1)] Guid ProposerId,
    [property: Id(2)] string Title,
    [property: Id(3)] string TargetParameter,
    [property: Id(4)] long ProposedValue,
    [property: Id(5)] string Status,
    [property: Id(6)] long VotesFor,
    [property: Id(7)] long VotesAgainst,
    [property: Id(8)] long VotesAbstain,
    [property: Id(9)] DateTimeOffset SubmittedAt,
    [property: Id(10)] DateTimeOffset VotingEndsAt,
    [property: Id(11)] string? Outcome);
