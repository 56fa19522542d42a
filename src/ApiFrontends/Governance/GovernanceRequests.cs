namespace GxProtocol.ApiFrontends.Governance;

/// <summary>A proposal to set one governable parameter (see GET /admin/api/v1/parameters) to <see cref="ProposedValue"/>.</summary>
public sealed record SubmitProposalRequest(string? Title, string? Description, string? TargetParameter, long? ProposedValue);

/// <summary><see cref="Vote"/>: FOR, AGAINST or ABSTAIN.</summary>
public sealed record VoteRequest(string? Vote, string? Reason = null);
