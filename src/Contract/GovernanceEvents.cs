namespace GxProtocol.Contract;

public sealed record ProposalSubmitted(
    string ProposalId,
    string ProposerId,
    string Title,
    string Description,
    string TargetParameter,
    long ProposedValue,
    DateTimeOffset VotingEndsAt);

public sealed record VoteCast(string ProposalId, string VoterId, string Vote, string Reason, long VotesFor, long VotesAgainst, long VotesAbstain);

public sealed record ProposalExecuted(
    string ProposalId,
    string TargetParameter,
    long OldValue,
    long NewValue,
    long VotesFor,
    long VotesAgainst,
    long VotesAbstain,
    string Reason);

public sealed record ProposalFailed(string ProposalId, long VotesFor, long VotesAgainst, long VotesAbstain, string Reason);
