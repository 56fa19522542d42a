using GxProtocol.Contract;
using GxProtocol.DevLedger.Chaincode.State;

namespace GxProtocol.DevLedger.Chaincode.Contracts;

/// <summary>
/// OrganizationContract, multi-signature half: a transfer from the organization's wallet below the rule's threshold
/// executes at once; at or above it, it executes when <c>requiredApprovals</c> distinct approvers (the initiator
/// included) have approved. Fees follow the organization rule: the organization pays them whole.
/// </summary>
internal static partial class OrganizationContract
{
    private static ChaincodeResponse InitiateMultiSigTx(ChaincodeContext context, ContractArgs args)
    {
        var request = InitiateMultiSigTxArgs.Parse(args);
        var (orgId, initiatorId, to, amount, remark, requestId) =
            (request.OrgId, request.InitiatorId, request.To, request.AmountQirat, request.Remark ?? "", request.RequestId);
        context.RequireKnownRole();
        var organization = RequireOrganization(context, orgId, GxStatuses.OrganizationActive);
        var rule = organization.Rule ?? throw ChaincodeRejection.Conflict($"Organization '{organization.OrgId}' has no authorization rule yet (DefineAuthRule).");
        if (!rule.ApproverIds.Contains(initiatorId))
        {
            throw ChaincodeRejection.Forbidden($"'{initiatorId}' is not an approver of '{organization.OrgId}'.");
        }

        context.Accounts.Require(to);

        var pendingTxId = GxIds.For(requestId ?? context.TransactionId, GxIds.MultiSigTx);
        context.RequireNew(StateKeys.MultiSigTx(pendingTxId), $"Multi-signature transaction '{pendingTxId}' already exists.");
        var needed = GxRules.MultiSigApprovalsNeeded(amount, rule.AmountThreshold, rule.RequiredApprovals);
        IReadOnlyList<string> approvals = [initiatorId];
        var executes = approvals.Count >= needed;
        var fees = executes ? TransferExecutor.Execute(context, organization.OrgId, to, amount) : null;
        var status = executes ? GxStatuses.MultiSigExecuted : GxStatuses.MultiSigPending;
        var expiresAt = context.Now.AddDays(context.Parameter(GxParameters.MultiSigExpiryDays));

        context.Write(StateKeys.MultiSigTx(pendingTxId), new MultiSigTxState(
            pendingTxId, organization.OrgId, initiatorId, to, amount, remark, needed, rule.ApproverIds, approvals, status, expiresAt));
        return context.Commit(new MultiSigTxInitiated(
            pendingTxId, organization.OrgId, initiatorId, to, amount, remark, needed, approvals, status, fees,
            context.Accounts.TouchedBalances()));
    }

    private static ChaincodeResponse ApproveMultiSigTx(ChaincodeContext context, ContractArgs args)
    {
        var (pendingTxId, approverId) = ApproveMultiSigTxArgs.Parse(args);
        context.RequireKnownRole();
        var pending = context.Require<MultiSigTxState>(StateKeys.MultiSigTx(pendingTxId), $"Multi-signature transaction '{pendingTxId}' does not exist.");
        if (pending.Status != GxStatuses.MultiSigPending)
        {
            throw ChaincodeRejection.Conflict($"Multi-signature transaction '{pendingTxId}' is already {pending.Status}.");
        }

        if (!pending.ApproverIds.Contains(approverId))
        {
            throw ChaincodeRejection.Forbidden($"'{approverId}' is not an approver of this transaction.");
        }

        if (pending.Approvals.Contains(approverId))
        {
            throw ChaincodeRejection.Conflict($"'{approverId}' has already approved this transaction.");
        }

        if (pending.ExpiresAt is { } expiresAt && context.Now >= expiresAt)
        {
            throw ChaincodeRejection.Conflict($"Multi-signature transaction '{pendingTxId}' expired at {expiresAt:O}; it can only be cancelled.");
        }

        pending = pending with { Approvals = [.. pending.Approvals, approverId] };
        if (pending.Approvals.Count < pending.RequiredApprovals)
        {
            context.Write(StateKeys.MultiSigTx(pendingTxId), pending);
            return context.Commit(new MultiSigTxApproved(pendingTxId, pending.OrgId, approverId, pending.Approvals, pending.RequiredApprovals));
        }

        if (pending.ProposedRule is { } rule)
        {
            var organization = RequireOrganization(context, pending.OrgId, GxStatuses.OrganizationActive);
            context.Write(StateKeys.Organization(organization.OrgId), organization with { Rule = rule });
            context.Write(StateKeys.MultiSigTx(pendingTxId), pending with { Status = GxStatuses.MultiSigExecuted });
            return context.Commit(new AuthRuleDefined(organization.OrgId, rule.AmountThreshold, rule.RequiredApprovals, rule.ApproverIds, pendingTxId, approverId));
        }

        var fees = TransferExecutor.Execute(context, pending.OrgId, pending.To, pending.Amount);
        context.Write(StateKeys.MultiSigTx(pendingTxId), pending with { Status = GxStatuses.MultiSigExecuted });
        return context.Commit(new MultiSigTxExecuted(
            pendingTxId, pending.OrgId, approverId, pending.To, pending.Amount, pending.Approvals, fees, context.Accounts.TouchedBalances()));
    }

    /// <summary>
    /// Frees what a pending transaction blocks: its initiator or any of its approvers can cancel it, before or after it
    /// expired, as long as it has not executed.
    /// </summary>
    private static ChaincodeResponse CancelMultiSigTx(ChaincodeContext context, ContractArgs args)
    {
        var (pendingTxId, callerId) = CancelMultiSigTxArgs.Parse(args);
        context.RequireKnownRole();
        var pending = context.Require<MultiSigTxState>(StateKeys.MultiSigTx(pendingTxId), $"Multi-signature transaction '{pendingTxId}' does not exist.");
        if (pending.InitiatorId != callerId && !pending.ApproverIds.Contains(callerId))
        {
            throw ChaincodeRejection.Forbidden($"'{callerId}' is neither the initiator nor an approver of this transaction.");
        }

        if (pending.Status != GxStatuses.MultiSigPending)
        {
            throw ChaincodeRejection.Conflict($"Multi-signature transaction '{pendingTxId}' is already {pending.Status}.");
        }

        context.Write(StateKeys.MultiSigTx(pendingTxId), pending with { Status = GxStatuses.MultiSigCancelled });
        return context.Commit(new MultiSigTxCancelled(pendingTxId, pending.OrgId, callerId));
    }
}
