using GxProtocol.Grains.Commands;
using GxProtocol.Grains.Interfaces.Governance;
using GxProtocol.Grains.Interfaces.Ledger;

namespace GxProtocol.Grains.Governance;

[GenerateSerializer, Alias("gx.ProposalState")]
public sealed class ProposalState
{
    /// <summary>Null until a submission arrives: no proposal has this id.</summary>
    [Id(0)] public ProposalSubmission? Submission { get; set; }
    [Id(1)] public string Status { get; set; } = ProposalView.Pending;
    [Id(2)] public long VotesFor { get; set; }
    [Id(3)] public long VotesAgainst { get; set; }
    [Id(4)] public long VotesAbstain { get; set; }
    [Id(5)] public DateTimeOffset SubmittedAt { get; set; }
    [Id(6)] public DateTimeOffset? VotingEndsAt { get; set; }
    [Id(7)] public string? Outcome { get; set; }
    [Id(8)] public long? OldValue { get; set; }

    /// <summary>
    /// Every identity that voted or has a vote on its way to the ledger: the one-vote-per-identity pre-check. It grows
    /// with the electorate of one proposal only, and a proposal's voting window is bounded.
    /// </summary>
    [Id(9)] public HashSet<Guid> Voters { get; set; } = [];

    [Id(10)] public LedgerPosition LastApplied { get; set; } = LedgerPosition.None;
    [Id(11)] public CommandLog Log { get; set; } = new();

    /// <summary>How many times the deadline reminder issued ExecuteProposal; each attempt gets its own command id.</summary>
    [Id(12)] public int AutomaticExecutions { get; set; }

    public ProposalView ToView(Guid proposalId)
    {
        var submission = Submission ?? throw new InvalidOperationException("No proposal.");
        return new ProposalView(proposalId, submission.ProposerId, submission.Title, submission.Description,
            submission.TargetParameter, submission.ProposedValue, Status, VotesFor, VotesAgainst, VotesAbstain,
            SubmittedAt, VotingEndsAt, Outcome, OldValue);
    }
}
