namespace GxProtocol.DevLedger.Chaincode.State;

internal sealed record ProposalState(
    string ProposalId,
    string ProposerId,
    string Title,
    string Description,
    string TargetParameter,
    long ProposedValue,
    DateTimeOffset VotingEndsAt,
    long VotesFor,
    long VotesAgainst,
    long VotesAbstain,
    string Status);
