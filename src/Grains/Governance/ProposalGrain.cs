using GxProtocol.Contract;
using GxProtocol.Grains.Commands;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Governance;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.Ledger;
using Microsoft.Extensions.Logging;
using Orleans.BroadcastChannel;
using GovernanceFunctions = GxProtocol.Contract.GxChaincode.Governance;

namespace GxProtocol.Grains.Governance;

/// <summary>
/// A proposal: submission, votes and execution are ledger commands recorded here first; status and tallies come from
/// the ledger's events. Once the ledger has set the deadline, a reminder due then executes the proposal, so it never
/// waits for an admin; the chaincode decides whether it passed.
/// </summary>
[ImplicitChannelSubscription(LedgerChannels.Proposals)]
public sealed partial class ProposalGrain(
    [PersistentState("proposal", GxStorage.Name)] IPersistentState<ProposalState> state,
    CommandHandoff handoff,
    TimeProvider clock,
    ILogger<ProposalGrain> logger) : Grain, IProposalGrain, IOnBroadcastChannelSubscribed, IRemindable
{
    public const int MinimumTrustScore = GxRules.MinVoteTrustScore;

    private ProposalState State => state.State;
    private string Key => this.GetPrimaryKeyString();
    private Guid ProposalId => Guid.Parse(Key);
    private ProposalSubmission Submission => State.Submission ?? throw DomainRuleException.NotFound("Proposal");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await handoff.HandOffAllAsync(State.Log.Pending.Values, Key);
        if (State.Status == GxStatuses.ProposalActive)
        {
            // The reminder is registered after the state write that activated the proposal; a crash in between must not lose it.
            await ScheduleDeadlineAsync();
        }
    }

    public Task OnSubscribed(IBroadcastChannelSubscription subscription) =>
        subscription.Attach<LedgerEventBatch>(ApplyLedgerEventsAsync);

    public async Task<CommandAccepted> SubmitAsync(ProposalSubmission submission)
    {
        if (await handoff.RepeatedAsync(State.Log, submission.CommandId, Key) is { } repeat)
        {
            return repeat;
        }
        if (State.Submission is not null)
        {
            throw DomainRuleException.Conflict("proposal_exists", "This proposal has already been submitted.");
        }
        State.Submission = submission;
        State.SubmittedAt = clock.GetUtcNow();
        return await AcceptAsync(submission.CommandId, GovernanceFunctions.SubmitProposal, submission.ProposerId, new SubmitProposalArgs(
            submission.ProposerId.ToString(), submission.Title, submission.Description, submission.TargetParameter,
            submission.ProposedValue, submission.CommandId.ToString()).ToArguments());
    }

    public Task<ProposalView> GetAsync() => Task.FromResult(State.Submission is null
        ? throw DomainRuleException.NotFound("Proposal")
        : State.ToView(ProposalId));

    public async Task<CommandAccepted> VoteAsync(ProposalVote vote)
    {
        if (await handoff.RepeatedAsync(State.Log, vote.CommandId, Key) is { } repeat)
        {
            return repeat;
        }
        _ = Submission;
        if (State.Status != GxStatuses.ProposalActive || State.VotingEndsAt is not { } endsAt || clock.GetUtcNow() >= endsAt)
        {
            throw DomainRuleException.Conflict("voting_closed", $"Voting on this proposal is not open (status {State.Status}, window ends {State.VotingEndsAt:O}).");
        }
        if (State.Voters.Contains(vote.VoterId))
        {
            throw DomainRuleException.Conflict("already_voted", "This identity has already voted on this proposal.");
        }
        var voter = GrainFactory.GetGrain<IUserGrain>(vote.VoterId);
        if (await voter.GetProfileAsync() is not { Status: UserStatus.Active or UserStatus.Frozen })
        {
            throw DomainRuleException.Unprocessable("voter_not_on_chain", "Only identities registered on the ledger can vote.");
        }
        var trust = (await voter.GetTrustScoreAsync()).Score;
        if (GxRules.CheckVoteTrust(trust) is { } tooLow)
        {
            throw new DomainRuleException(RuleViolationKind.Forbidden, "trust_score_too_low", tooLow.Message);
        }
        State.Voters.Add(vote.VoterId);
        return await AcceptAsync(vote.CommandId, GovernanceFunctions.VoteOnProposal, vote.VoterId,
            new VoteOnProposalArgs(Key, vote.VoterId.ToString(), vote.Vote, vote.Reason).ToArguments());
    }

    public async Task<CommandAccepted> ExecuteAsync(Guid adminId, Guid commandId)
    {
        if (await handoff.RepeatedAsync(State.Log, commandId, Key) is { } repeat)
        {
            return repeat;
        }
        _ = Submission;
        if (State.Status != GxStatuses.ProposalActive || State.VotingEndsAt is not { } endsAt)
        {
            throw DomainRuleException.Conflict("proposal_not_active", $"Only an ACTIVE proposal can be executed; this one is {State.Status}.");
        }
        if (clock.GetUtcNow() < endsAt)
        {
            throw DomainRuleException.Conflict("voting_open", $"Voting is open until {endsAt:O}; the proposal can be executed after that.");
        }
        if (State.Log.IsPending(GovernanceFunctions.ExecuteProposal))
        {
            throw DomainRuleException.Conflict("execution_pending", "This proposal's execution is already on its way to the ledger.");
        }
        return await AcceptAsync(commandId, GovernanceFunctions.ExecuteProposal, adminId, new ExecuteProposalArgs(Key).ToArguments());
    }

    /// <summary>Written with the next event; after a restart the hand-off of the still pending command reports it again.</summary>
    public Task OnCommandCommittedAsync(Guid commandId, ulong blockNumber)
    {
        State.Log.Committed(commandId, blockNumber, State.LastApplied);
        return Task.CompletedTask;
    }

    public async Task OnCommandFailedAsync(Guid commandId, string code, string message)
    {
        if (State.Log.Finish(commandId) is not { } command)
        {
            return;
        }
        if (command.TransactionName == GovernanceFunctions.VoteOnProposal && Guid.TryParse(VoteOnProposalArgs.FromStored(command.Arguments).VoterId, out var voterId))
        {
            // The ledger did not count this vote: the identity may vote again.
            State.Voters.Remove(voterId);
        }
        else if (command.TransactionName == GovernanceFunctions.SubmitProposal && State.Status == ProposalView.Pending)
        {
            State.Status = ProposalView.Rejected;
            State.Outcome = message;
        }
        await state.WriteStateAsync();
    }

    private async Task<CommandAccepted> AcceptAsync(Guid commandId, string transactionName, Guid? owner, string[] arguments)
    {
        var command = new LedgerCommand(commandId, transactionName, arguments, this.GetGrainId(), owner, clock.GetUtcNow());
        return await handoff.AcceptAsync(State.Log, command, Key, state.WriteStateAsync);
    }

    private async Task ApplyLedgerEventsAsync(LedgerEventBatch batch)
    {
        var statusBefore = State.Status;
        await LedgerEventBatches.ApplyAsync(batch, ApplyLedgerEvent, state.WriteStateAsync);
        if (statusBefore != State.Status)
        {
            await (State.Status == GxStatuses.ProposalActive ? ScheduleDeadlineAsync() : CancelDeadlineAsync());
        }
    }

    private bool ApplyLedgerEvent(LedgerEventEnvelope ledgerEvent)
    {
        if (State.Submission is null
            || !LedgerEventApplication.Apply(State.LastApplied, ledgerEvent, () => ProposalLedgerEvents.Apply(State, ledgerEvent), logger))
        {
            return false;
        }
        State.LastApplied = ledgerEvent.Position;
        State.Log.SettleCommitted(ledgerEvent.Position);
        return true;
    }
}
