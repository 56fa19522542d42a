using GxProtocol.Contract;
using GxProtocol.Fabric;
using GxProtocol.Grains.Commands;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.Organizations;
using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.Ledger;
using Microsoft.Extensions.Logging;
using Orleans.BroadcastChannel;
using Organization = GxProtocol.Contract.GxChaincode.Organization;

namespace GxProtocol.Grains.Organizations;

/// <summary>
/// An organization: membership here, multi-signature transfers in OrganizationGrain.MultiSig.cs. Commands are checked
/// against what the grain expects once its accepted commands commit (they reach the ledger one at a time, in order),
/// recorded in the command log with the state, then handed to the outbox; the ledger's events confirm them.
/// </summary>
[ImplicitChannelSubscription(LedgerChannels.Organizations)]
public sealed partial class OrganizationGrain(
    [PersistentState("organization", GxStorage.Name)] IPersistentState<OrganizationState> state,
    CommandHandoff handoff,
    ILedgerClient ledger,
    TimeProvider clock,
    ILogger<OrganizationGrain> logger) : Grain, IOrganizationGrain, IOnBroadcastChannelSubscribed
{
    public const int MaxStakeholders = 50;
    private static readonly string[] OrgTypes = ["business", "government", "nonprofit"];

    private OrganizationState State => state.State;
    private string OrgId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        handoff.HandOffAllAsync(State.Log.Pending.Values.OrderBy(c => c.AcceptedAt), OrgId);

    public Task OnSubscribed(IBroadcastChannelSubscription subscription) =>
        subscription.Attach<LedgerEventBatch>(batch => LedgerEventBatches.ApplyAsync(batch, ApplyLedgerEvent, state.WriteStateAsync));

    public Task<PaymentRecipient?> GetPaymentRecipientAsync() => Task.FromResult(State.Exists
        ? new PaymentRecipient(State.Status == GxStatuses.OrganizationActive, State.Country)
        : null);

    public async Task<CommandAccepted> ProposeAsync(OrganizationProposal proposal)
    {
        if (await handoff.RepeatedAsync(State.Log, proposal.CommandId, OrgId) is { } repeat)
        {
            return repeat;
        }

        if (State.Exists)
        {
            throw DomainRuleException.Conflict("organization_exists", $"The organization id '{OrgId}' is already taken.");
        }
        var stakeholders = proposal.StakeholderIds;
        if (stakeholders.Count is 0 or > MaxStakeholders)
        {
            throw DomainRuleException.Invalid("stakeholderIds", $"must list 1 to {MaxStakeholders} stakeholders.");
        }
        if (stakeholders.Distinct().Count() != stakeholders.Count)
        {
            throw DomainRuleException.Invalid("stakeholderIds", "must not list a stakeholder twice.");
        }
        if (!OrgTypes.Contains(proposal.OrgType))
        {
            throw DomainRuleException.Invalid("orgType", $"must be one of {string.Join(", ", OrgTypes)}.");
        }
        if (!stakeholders.Contains(proposal.ProposerId))
        {
            throw new DomainRuleException(RuleViolationKind.Forbidden, "not_a_stakeholder", "The proposer must be one of the stakeholders.", "stakeholderIds");
        }
        var profiles = await Task.WhenAll(stakeholders.Select(id => GrainFactory.GetGrain<IUserGrain>(id).GetProfileAsync()));
        for (var i = 0; i < stakeholders.Count; i++)
        {
            if (profiles[i] is null)
            {
                throw new DomainRuleException(RuleViolationKind.NotFound, "stakeholder_not_found",
                    $"stakeholderIds: '{stakeholders[i]}' is not a registered user.", "stakeholderIds");
            }
            if (profiles[i]!.Status is not (UserStatus.Active or UserStatus.Frozen))
            {
                throw DomainRuleException.Unprocessable("stakeholder_not_active",
                    $"stakeholderIds: '{stakeholders[i]}' is not registered on the ledger yet.", "stakeholderIds");
            }
        }

        State.Status = OrganizationStatuses.PendingOnChain;
        State.OrgName = proposal.OrgName;
        State.OrgType = proposal.OrgType;
        State.ProposerId = proposal.ProposerId;
        State.Country = profiles.First(p => p!.UserId == proposal.ProposerId)!.NationalityCountryCode;
        State.StakeholderIds = stakeholders.ToList();
        State.EndorsedBy = [];
        return await AcceptAsync(proposal.CommandId, proposal.ProposerId, Organization.ProposeOrganization,
            new ProposeOrganizationArgs(proposal.ProposerId.ToString(), OrgId, proposal.OrgName, proposal.OrgType, Ids(stakeholders)).ToArguments());
    }

    public async Task<OrganizationView> GetAsync(Guid callerId, bool callerIsAdmin)
    {
        if (!State.Exists || !(callerIsAdmin || State.IsStakeholder(callerId)))
        {
            throw DomainRuleException.NotFound("Organization");
        }
        var balance = State.Status == GxStatuses.OrganizationActive ? await LedgerBalanceAsync() ?? State.Balance : State.Balance;
        return new OrganizationView(OrgId, State.OrgName, State.OrgType, State.Country, State.ProposerId, State.Status,
            State.StakeholderIds.ToList(), ExpectedEndorsements().ToList(), ExpectedRule(), balance, State.Holds.Values.Sum());
    }

    public async Task<CommandAccepted> EndorseAsync(Guid stakeholderId, Guid commandId)
    {
        if (await handoff.RepeatedAsync(State.Log, commandId, OrgId) is { } repeat)
        {
            return repeat;
        }

        RequireStakeholder(stakeholderId);
        if (ExpectedActive())
        {
            throw DomainRuleException.Conflict("already_active", "The organization is already active; endorsements are closed.");
        }
        if (ExpectedEndorsements().Contains(stakeholderId))
        {
            throw DomainRuleException.Conflict("already_endorsed", "You have already endorsed this organization.");
        }
        return await AcceptAsync(commandId, stakeholderId, Organization.EndorseMembership, new EndorseMembershipArgs(OrgId, stakeholderId.ToString()).ToArguments());
    }

    public async Task<CommandAccepted> ActivateAsync(Guid stakeholderId, Guid commandId)
    {
        if (await handoff.RepeatedAsync(State.Log, commandId, OrgId) is { } repeat)
        {
            return repeat;
        }

        RequireStakeholder(stakeholderId);
        if (ExpectedActive())
        {
            throw DomainRuleException.Conflict("already_active", "The organization is already active or its activation is under way.");
        }
        var missing = State.StakeholderIds.Except(ExpectedEndorsements()).ToList();
        if (missing.Count > 0)
        {
            throw DomainRuleException.Conflict("not_all_endorsed", $"The organization still needs the endorsement of {string.Join(", ", missing)}.");
        }
        return await AcceptAsync(commandId, stakeholderId, Organization.ActivateOrganization, new ActivateOrganizationArgs(OrgId, stakeholderId.ToString()).ToArguments());
    }

    public async Task<CommandAccepted> DefineRuleAsync(AuthRuleDefinition rule)
    {
        if (await handoff.RepeatedAsync(State.Log, rule.CommandId, OrgId) is { } repeat)
        {
            return repeat;
        }

        RequireStakeholder(rule.CallerId);
        RequireActive();
        if (rule.ApproverIds.Count is 0 or > MaxStakeholders || rule.ApproverIds.Distinct().Count() != rule.ApproverIds.Count)
        {
            throw DomainRuleException.Invalid("approverIds", $"must list 1 to {MaxStakeholders} distinct approvers.");
        }
        if (rule.ApproverIds.FirstOrDefault(id => !State.StakeholderIds.Contains(id)) is var outsider && outsider != Guid.Empty)
        {
            throw DomainRuleException.Invalid("approverIds", $"'{outsider}' is not a stakeholder of this organization.");
        }
        if (rule.RequiredApprovals < 1 || rule.RequiredApprovals > rule.ApproverIds.Count)
        {
            throw DomainRuleException.Invalid("requiredApprovals", $"must be between 1 and the number of approvers ({rule.ApproverIds.Count}).");
        }
        if (rule.AmountThreshold is < 0 or > GxSupply.TotalSupplyQirat)
        {
            throw DomainRuleException.Invalid("amountThreshold", "must be between 0 and the total supply.");
        }
        var proposed = new AuthRuleView(rule.AmountThreshold, rule.RequiredApprovals, rule.ApproverIds.ToList());
        var arguments = new DefineAuthRuleArgs(
            OrgId, rule.CallerId.ToString(), rule.AmountThreshold, rule.RequiredApprovals, Ids(rule.ApproverIds), rule.CommandId.ToString()).ToArguments();
        // A rule in force is changed only by its approvers, with the approvals it requires (as the chaincode decides).
        if (ExpectedRule() is { } current)
        {
            if (!current.ApproverIds.Contains(rule.CallerId))
            {
                throw new DomainRuleException(RuleViolationKind.Forbidden, "not_an_approver", "Only an approver of the current rule can propose a new one.");
            }
            if (current.RequiredApprovals > 1)
            {
                return await ProposeRuleChangeAsync(rule, current, proposed, arguments);
            }
        }
        State.PendingRules[rule.CommandId] = proposed;
        return await AcceptAsync(rule.CommandId, rule.CallerId, Organization.DefineAuthRule, arguments);
    }

    /// <summary>Written with the next event; after a restart the hand-off of the still pending command reports it again.</summary>
    public Task OnCommandCommittedAsync(Guid commandId, ulong blockNumber)
    {
        if (State.Log.Committed(commandId, blockNumber, State.LastApplied) is not null)
        {
            OrganizationLedgerEvents.Finish(State, commandId);
        }
        return Task.CompletedTask;
    }

    public async Task OnCommandFailedAsync(Guid commandId, string code, string message)
    {
        if (OrganizationLedgerEvents.Finish(State, commandId) is not { } command)
        {
            return;
        }
        if (command.TransactionName == Organization.ProposeOrganization && State.Status == OrganizationStatuses.PendingOnChain)
        {
            // The ledger refused the proposal: the id is free again.
            State.ForgetProposal();
        }
        if (command.TransactionName is Organization.InitiateMultiSigTx or Organization.DefineAuthRule)
        {
            State.PendingTxs.Remove(GxIds.ForRequest(commandId, GxIds.MultiSigTx));
        }
        await state.WriteStateAsync();
    }

    private bool ApplyLedgerEvent(LedgerEventEnvelope ledgerEvent)
    {
        if (!LedgerEventApplication.Apply(State.LastApplied, ledgerEvent, () => OrganizationLedgerEvents.Apply(State, OrgId, ledgerEvent), logger))
        {
            return false;
        }
        State.LastApplied = ledgerEvent.Position;
        foreach (var settled in State.Log.SettleCommitted(ledgerEvent.Position))
        {
            OrganizationLedgerEvents.Finish(State, settled.CommandId);
        }
        return true;
    }

    /// <summary>Non-stakeholders learn nothing, not even that the organization exists.</summary>
    private void RequireStakeholder(Guid callerId)
    {
        if (!State.IsStakeholder(callerId))
        {
            throw DomainRuleException.NotFound("Organization");
        }
    }

    private void RequireActive()
    {
        if (!ExpectedActive())
        {
            throw DomainRuleException.Conflict("not_active", "The organization is not active yet: every stakeholder must endorse it, then it must be activated.");
        }
    }

    private bool ExpectedActive() => State.Status == GxStatuses.OrganizationActive || State.Log.IsPending(Organization.ActivateOrganization);

    private IEnumerable<Guid> ExpectedEndorsements() => State.EndorsedBy
        .Append(State.ProposerId)
        .Concat(State.Log.Pending.Values.Where(c => c.TransactionName == Organization.EndorseMembership).Select(c => Guid.Parse(EndorseMembershipArgs.FromStored(c.Arguments).StakeholderId)))
        .Distinct();

    /// <summary>The newest accepted rule, or the ledger's when none is pending.</summary>
    private AuthRuleView? ExpectedRule() => State.PendingRules
        .OrderByDescending(r => State.Log.Pending.TryGetValue(r.Key, out var c) ? c.AcceptedAt : DateTimeOffset.MinValue)
        .Select(r => r.Value).FirstOrDefault() ?? State.Rule;

    private Task<CommandAccepted> AcceptAsync(Guid commandId, Guid issuer, string transactionName, string[] arguments) =>
        handoff.AcceptAsync(State.Log, new LedgerCommand(commandId, transactionName, arguments, this.GetGrainId(), issuer, clock.GetUtcNow()),
            OrgId, state.WriteStateAsync);

    private static List<string> Ids(IEnumerable<Guid> ids) => ids.Select(id => id.ToString()).ToList();
}
