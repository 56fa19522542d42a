using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.Organizations;
using GxProtocol.Grains.Ledger;
using Organization = GxProtocol.Contract.GxChaincode.Organization;

namespace GxProtocol.Grains.Organizations;

/// <summary>
/// How each chaincode event changes an organization. The ledger's word replaces what the grain expected, and the
/// command that caused the event is finished (its holds released). Commands of one organization reach the ledger one
/// at a time in acceptance order, so the oldest pending command of a kind is the one an event answers.
/// </summary>
public static class OrganizationLedgerEvents
{
    public static void Apply(OrganizationState state, string orgId, LedgerEventEnvelope ledgerEvent)
    {
        switch (ledgerEvent.EventName)
        {
            case nameof(OrganizationProposed):
                var proposed = LedgerEventJson.Deserialize<OrganizationProposed>(ledgerEvent.Payload);
                if (proposed.OrgId != orgId)
                {
                    break;
                }

                state.Status = state.Status == GxStatuses.OrganizationActive ? state.Status : GxStatuses.OrganizationProposed;
                state.OrgName = proposed.OrgName;
                state.OrgType = proposed.OrgType;
                state.ProposerId = Guid.Parse(proposed.ProposerId);
                state.Country = proposed.Country;
                state.StakeholderIds = proposed.StakeholderIds.Select(Guid.Parse).ToList();
                state.EndorsedBy = proposed.EndorsedBy.Select(Guid.Parse).ToList();
                FinishOldest(state, c => c.TransactionName == Organization.ProposeOrganization);
                break;
            case nameof(MembershipEndorsed):
                var endorsed = LedgerEventJson.Deserialize<MembershipEndorsed>(ledgerEvent.Payload);
                state.EndorsedBy = endorsed.EndorsedBy.Select(Guid.Parse).ToList();
                FinishOldest(state, c => c.TransactionName == Organization.EndorseMembership && EndorseMembershipArgs.FromStored(c.Arguments).StakeholderId == endorsed.StakeholderId);
                break;
            case nameof(OrganizationActivated):
                state.Status = GxStatuses.OrganizationActive;
                FinishOldest(state, c => c.TransactionName == Organization.ActivateOrganization);
                break;
            case nameof(AuthRuleDefined):
                var rule = LedgerEventJson.Deserialize<AuthRuleDefined>(ledgerEvent.Payload);
                state.Rule = new AuthRuleView(rule.AmountThreshold, rule.RequiredApprovals, rule.ApproverIds.Select(Guid.Parse).ToList());
                if (rule is { PendingTxId: { } changeId, ApproverId: { } lastApprover })
                {
                    // A rule change executed by its last approval.
                    state.PendingTxs.Remove(Guid.Parse(changeId));
                    FinishApproval(state, changeId, lastApprover);
                    break;
                }
                FinishOldest(state, c => c.TransactionName == Organization.DefineAuthRule);
                break;
            case nameof(AuthRuleChangeProposed):
                ApplyRuleChangeProposed(state, LedgerEventJson.Deserialize<AuthRuleChangeProposed>(ledgerEvent.Payload));
                break;
            case nameof(MultiSigTxCancelled):
                var cancelled = LedgerEventJson.Deserialize<MultiSigTxCancelled>(ledgerEvent.Payload);
                state.PendingTxs.Remove(Guid.Parse(cancelled.PendingTxId));
                FinishOldest(state, c => c.TransactionName == Organization.CancelMultiSigTx && CancelMultiSigTxArgs.FromStored(c.Arguments).PendingTxId == cancelled.PendingTxId);
                break;
            case nameof(MultiSigTxInitiated):
                ApplyInitiated(state, LedgerEventJson.Deserialize<MultiSigTxInitiated>(ledgerEvent.Payload));
                break;
            case nameof(MultiSigTxApproved):
                var approved = LedgerEventJson.Deserialize<MultiSigTxApproved>(ledgerEvent.Payload);
                if (state.PendingTxs.TryGetValue(Guid.Parse(approved.PendingTxId), out var tx))
                {
                    tx.Approvals = approved.Approvals.Select(Guid.Parse).ToList();
                }
                FinishApproval(state, approved.PendingTxId, approved.ApproverId);
                break;
            case nameof(MultiSigTxExecuted):
                var executed = LedgerEventJson.Deserialize<MultiSigTxExecuted>(ledgerEvent.Payload);
                state.PendingTxs.Remove(Guid.Parse(executed.PendingTxId));
                FinishApproval(state, executed.PendingTxId, executed.ApproverId);
                break;
        }
        if (LedgerPayloads.BalanceOf(ledgerEvent.Payload, orgId) is { } balance)
        {
            state.Balance = balance;
        }
    }

    /// <summary>Finishes a command and forgets what it held or provisionally set.</summary>
    public static LedgerCommand? Finish(OrganizationState state, Guid commandId)
    {
        state.Holds.Remove(commandId);
        state.PendingRules.Remove(commandId);
        return state.Log.Finish(commandId);
    }

    private static void ApplyInitiated(OrganizationState state, MultiSigTxInitiated initiated)
    {
        var pendingTxId = Guid.Parse(initiated.PendingTxId);
        if (state.PendingTxs.TryGetValue(pendingTxId, out var tx))
        {
            Finish(state, tx.CommandId);
        }
        if (initiated.Status == GxStatuses.MultiSigExecuted)
        {
            state.PendingTxs.Remove(pendingTxId);
            return;
        }
        // A transaction this grain did not accept (recovered state) is still tracked from the event alone.
        tx ??= state.PendingTxs[pendingTxId] = new PendingMultiSigTx
        {
            InitiatorId = Guid.Parse(initiated.InitiatorId),
            ToUserId = Guid.TryParse(initiated.To, out var to) ? to : Guid.Empty,
            Amount = initiated.Amount,
            Remark = initiated.Remark,
            ApproverIds = state.Rule?.ApproverIds.ToList() ?? [],
            InitiatedAt = DateTimeOffset.UtcNow,
        };
        tx.RequiredApprovals = initiated.RequiredApprovals;
        tx.Approvals = initiated.Approvals.Select(Guid.Parse).ToList();
        tx.OnChain = true;
    }

    private static void ApplyRuleChangeProposed(OrganizationState state, AuthRuleChangeProposed proposed)
    {
        var pendingTxId = Guid.Parse(proposed.PendingTxId);
        if (state.PendingTxs.TryGetValue(pendingTxId, out var tx))
        {
            Finish(state, tx.CommandId);
        }
        else
        {
            FinishOldest(state, c => c.TransactionName == Organization.DefineAuthRule);
        }
        tx ??= state.PendingTxs[pendingTxId] = new PendingMultiSigTx
        {
            InitiatorId = Guid.Parse(proposed.InitiatorId),
            ApproverIds = state.Rule?.ApproverIds.ToList() ?? [],
            InitiatedAt = DateTimeOffset.UtcNow,
            ProposedRule = new AuthRuleView(proposed.AmountThreshold, proposed.RequiredApprovals, proposed.ApproverIds.Select(Guid.Parse).ToList()),
        };
        tx.RequiredApprovals = proposed.ApprovalsNeeded;
        tx.Approvals = proposed.Approvals.Select(Guid.Parse).ToList();
        tx.OnChain = true;
    }

    private static void FinishApproval(OrganizationState state, string pendingTxId, string approverId) =>
        FinishOldest(state, c => c.TransactionName == Organization.ApproveMultiSigTx && ApproveMultiSigTxArgs.FromStored(c.Arguments) == new ApproveMultiSigTxArgs(pendingTxId, approverId));

    private static void FinishOldest(OrganizationState state, Func<LedgerCommand, bool> match)
    {
        if (state.Log.Pending.Values.Where(match).OrderBy(c => c.AcceptedAt).FirstOrDefault() is { } command)
        {
            Finish(state, command.CommandId);
        }
    }

}
