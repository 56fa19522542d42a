using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Governance;
using GxProtocol.Grains.Interfaces.Ledger;

namespace GxProtocol.Grains.Governance;

/// <summary>How the governance events change a proposal; the tallies are taken as the ledger reports them, never summed.</summary>
public static class ProposalLedgerEvents
{
    public static void Apply(ProposalState state, LedgerEventEnvelope ledgerEvent)
    {
        switch (ledgerEvent.EventName)
        {
            case nameof(ProposalSubmitted):
                var submitted = LedgerEventJson.Deserialize<ProposalSubmitted>(ledgerEvent.Payload);
                if (state.Status == ProposalView.Pending)
                {
                    state.Status = GxStatuses.ProposalActive;
                }
                state.VotingEndsAt = submitted.VotingEndsAt;
                state.Log.FinishWhere(c => c.TransactionName == GxChaincode.Governance.SubmitProposal);
                break;
            case nameof(VoteCast):
                var vote = LedgerEventJson.Deserialize<VoteCast>(ledgerEvent.Payload);
                if (Guid.TryParse(vote.VoterId, out var voterId))
                {
                    state.Voters.Add(voterId);
                }
                Tally(state, vote.VotesFor, vote.VotesAgainst, vote.VotesAbstain);
                state.Log.FinishWhere(c => c.TransactionName == GxChaincode.Governance.VoteOnProposal && VoteOnProposalArgs.FromStored(c.Arguments).VoterId == vote.VoterId);
                break;
            case nameof(ProposalExecuted):
                var executed = LedgerEventJson.Deserialize<ProposalExecuted>(ledgerEvent.Payload);
                Close(state, GxStatuses.ProposalExecuted, executed.Reason);
                state.OldValue = executed.OldValue;
                Tally(state, executed.VotesFor, executed.VotesAgainst, executed.VotesAbstain);
                break;
            case nameof(ProposalFailed):
                var failed = LedgerEventJson.Deserialize<ProposalFailed>(ledgerEvent.Payload);
                Close(state, GxStatuses.ProposalFailed, failed.Reason);
                Tally(state, failed.VotesFor, failed.VotesAgainst, failed.VotesAbstain);
                break;
        }
    }

    private static void Tally(ProposalState state, long votesFor, long votesAgainst, long votesAbstain)
    {
        state.VotesFor = votesFor;
        state.VotesAgainst = votesAgainst;
        state.VotesAbstain = votesAbstain;
    }

    private static void Close(ProposalState state, string status, string reason)
    {
        state.Status = status;
        state.Outcome = reason;
        state.Log.FinishWhere(c => c.TransactionName == GxChaincode.Governance.ExecuteProposal);
    }
}
