using GxProtocol.ApiFrontends.Infrastructure.Commands;
using GxProtocol.Grains.Interfaces.Governance;
using GxProtocol.Grains.Interfaces.ReadModels;

namespace GxProtocol.ApiFrontends.Governance;

/// <summary>
/// The answer to a submission: the proposal's id (known before the ledger commits) with its command, 202 while it is
/// on its way or 200 with the outcome when the client waited (<c>Prefer: wait=N</c>).
/// </summary>
public sealed record ProposalSubmittedResponse(Guid ProposalId, Guid CommandId, string Status, string? TxId, ulong? BlockNumber, string? ErrorCode, string? Reason)
{
    public static ProposalSubmittedResponse From(Guid proposalId, CommandStatusResponse command) => new(proposalId, command.CommandId,
        command.Status, command.TxId, command.BlockNumber, command.ErrorCode, command.Reason);
}

/// <summary>A proposal with its tallies; <c>votingEndsAt</c> is null until the ledger committed it (status PENDING).</summary>
public sealed record ProposalResponse(
    Guid ProposalId, Guid ProposerId, string Title, string Description, string TargetParameter, long ProposedValue, string Status,
    long VotesFor, long VotesAgainst, long VotesAbstain, DateTimeOffset SubmittedAt, DateTimeOffset? VotingEndsAt, string? Outcome, long? OldValue)
{
    public static ProposalResponse From(ProposalView p) => new(p.ProposalId, p.ProposerId, p.Title, p.Description, p.TargetParameter,
        p.ProposedValue, p.Status, p.VotesFor, p.VotesAgainst, p.VotesAbstain, p.SubmittedAt, p.VotingEndsAt, p.Outcome, p.OldValue);
}

public sealed record ProposalSummaryResponse(
    Guid ProposalId, Guid ProposerId, string Title, string TargetParameter, long ProposedValue, string Status,
    long VotesFor, long VotesAgainst, long VotesAbstain, DateTimeOffset SubmittedAt, DateTimeOffset VotingEndsAt, string? Outcome)
{
    public static ProposalSummaryResponse From(ProposalSummary p) => new(p.ProposalId, p.ProposerId, p.Title, p.TargetParameter,
        p.ProposedValue, p.Status, p.VotesFor, p.VotesAgainst, p.VotesAbstain, p.SubmittedAt, p.VotingEndsAt, p.Outcome);
}

public sealed record ProposalsPage(IReadOnlyList<ProposalSummaryResponse> Items, string? NextCursor);
