namespace GxProtocol.Contract;

public sealed record ProposalSubmitted(
    [property: Party(LedgerPartyKind.Proposal)] string ProposalId,
    string ProposerId,
    string Title,
    string Description,
    string TargetParameter,
    long ProposedValue,
    DateTimeOffset VotingEndsAt) : ILedgerEvent;

public sealed record VoteCast([property: Party(LedgerPartyKind.Proposal)] string ProposalId, [property: Party(LedgerPartyKind.User)] string VoterId, string Vote, string Reason, long VotesFor, long VotesAgainst, long VotesAbstain) : ILedgerEvent;

[Party(LedgerPartyKind.System)]
public sealed record ProposalExecuted(
    [property: Party(LedgerPartyKind.Proposal)] string ProposalId,
    string TargetParameter,
    long OldValue,
    long NewValue,
    long VotesFor,
    long VotesAgainst,
    long VotesAbstain,
    string Reason) : ILedgerEvent;

public sealed record ProposalFailed([property: Party(LedgerPartyKind.Proposal)] string ProposalId, long VotesFor, long VotesAgainst, long VotesAbstain, string Reason) : ILedgerEvent;
