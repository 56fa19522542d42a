using GxProtocol.Contract;
using GxProtocol.DevLedger.Chaincode.State;
using Governance = GxProtocol.Contract.GxChaincode.Governance;

namespace GxProtocol.DevLedger.Chaincode.Contracts;

/// <summary>
/// GovernanceContract: proposals to change one system parameter, one vote per registered identity within the
/// voting window, execution after the window. The trust-score gate for voting (GxRules.CheckVoteTrust, >= 50) is
/// checked by the backend's proposal grain: the ledger holds no relationships and VoteOnProposal carries no score.
/// </summary>
internal static class GovernanceContract
{
    public static IEnumerable<(string Function, ChaincodeHandler Handler)> Functions =>
    [
        (Governance.SubmitProposal, SubmitProposal),
        (Governance.VoteOnProposal, VoteOnProposal),
        (Governance.ExecuteProposal, ExecuteProposal),
    ];

    private static ChaincodeResponse SubmitProposal(ChaincodeContext context, ContractArgs args)
    {
        var (proposerId, title, description, parameter, value, requestId) = SubmitProposalArgs.Parse(args);
        context.RequireAdministrator();
        if (GxParameters.Validate(parameter, value) is { } violation)
        {
            throw ChaincodeRejection.BadRequest(violation.Message);
        }

        context.RequireBootstrapped();

        var proposalId = GxIds.For(requestId ?? context.TransactionId, GxIds.Proposal);
        context.RequireNew(StateKeys.Proposal(proposalId), $"Proposal '{proposalId}' already exists.");
        var endsAt = context.Now.AddDays(context.Parameter(GxParameters.VotingPeriodDays));
        context.Write(StateKeys.Proposal(proposalId), new ProposalState(
            proposalId, proposerId, title, description, parameter, value, endsAt, 0, 0, 0, GxStatuses.ProposalActive));
        return context.Commit(new ProposalSubmitted(proposalId, proposerId, title, description, parameter, value, endsAt));
    }

    private static ChaincodeResponse VoteOnProposal(ChaincodeContext context, ContractArgs args)
    {
        var request = VoteOnProposalArgs.Parse(args);
        var (proposalId, voterId, vote, reason) = (request.ProposalId, request.VoterId, request.Vote, request.Reason ?? "");
        context.RequireKnownRole();

        var proposal = context.Require<ProposalState>(StateKeys.Proposal(proposalId), $"Proposal '{proposalId}' does not exist.");
        if (proposal.Status != GxStatuses.ProposalActive || context.Now >= proposal.VotingEndsAt)
        {
            throw ChaincodeRejection.Conflict($"Voting on proposal '{proposalId}' is closed.");
        }

        if (!context.Exists(StateKeys.User(voterId)))
        {
            throw ChaincodeRejection.NotFound($"Voter '{voterId}' is not a registered identity.");
        }

        if (context.Exists(StateKeys.Vote(proposalId, voterId)))
        {
            throw ChaincodeRejection.Conflict($"'{voterId}' has already voted on proposal '{proposalId}'.");
        }

        context.Write(StateKeys.Vote(proposalId, voterId), new VoteState(proposalId, voterId, vote, context.Now));
        proposal = vote switch
        {
            GxStatuses.VoteFor => proposal with { VotesFor = proposal.VotesFor + 1 },
            GxStatuses.VoteAgainst => proposal with { VotesAgainst = proposal.VotesAgainst + 1 },
            _ => proposal with { VotesAbstain = proposal.VotesAbstain + 1 },
        };
        context.Write(StateKeys.Proposal(proposalId), proposal);
        return context.Commit(new VoteCast(proposalId, voterId, vote, reason, proposal.VotesFor, proposal.VotesAgainst, proposal.VotesAbstain));
    }

    /// <summary>The quorum in force at execution applies (a parameter changed meanwhile by another proposal counts).</summary>
    private static ChaincodeResponse ExecuteProposal(ChaincodeContext context, ContractArgs args)
    {
        var proposalId = ExecuteProposalArgs.Parse(args).ProposalId;
        context.RequireAdministrator();
        var proposal = context.Require<ProposalState>(StateKeys.Proposal(proposalId), $"Proposal '{proposalId}' does not exist.");
        if (proposal.Status != GxStatuses.ProposalActive)
        {
            throw ChaincodeRejection.Conflict($"Proposal '{proposalId}' is already {proposal.Status}.");
        }

        if (context.Now < proposal.VotingEndsAt)
        {
            throw ChaincodeRejection.Conflict($"Voting on proposal '{proposalId}' is open until {proposal.VotingEndsAt:O}.");
        }

        var outcome = GxRules.EvaluateProposal(
            proposal.VotesFor, proposal.VotesAgainst, proposal.VotesAbstain, context.Parameter(GxParameters.MinProposalQuorum));
        if (!outcome.Passed)
        {
            context.Write(StateKeys.Proposal(proposalId), proposal with { Status = GxStatuses.ProposalFailed });
            return context.Commit(new ProposalFailed(proposalId, proposal.VotesFor, proposal.VotesAgainst, proposal.VotesAbstain, outcome.Reason));
        }

        var oldValue = context.Parameter(proposal.TargetParameter);
        context.Write(StateKeys.Parameter(proposal.TargetParameter), new ParameterState(proposal.TargetParameter, proposal.ProposedValue));
        context.Write(StateKeys.Proposal(proposalId), proposal with { Status = GxStatuses.ProposalExecuted });
        return context.Commit(new ProposalExecuted(
            proposalId, proposal.TargetParameter, oldValue, proposal.ProposedValue,
            proposal.VotesFor, proposal.VotesAgainst, proposal.VotesAbstain, outcome.Reason));
    }
}
