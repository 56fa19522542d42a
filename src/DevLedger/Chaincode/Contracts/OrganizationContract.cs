using GxProtocol.Contract;
using GxProtocol.DevLedger.Chaincode.State;
using Organization = GxProtocol.Contract.GxChaincode.Organization;

namespace GxProtocol.DevLedger.Chaincode.Contracts;

/// <summary>
/// OrganizationContract, membership half: an organization is proposed by one of its stakeholders (whose proposal
/// counts as their endorsement), endorsed by every other stakeholder, then activated, which opens its wallet
/// (account = orgId, country = the proposer's nationality, used for fee bands). The multi-signature half is in
/// OrganizationContract.MultiSig.cs.
/// </summary>
internal static partial class OrganizationContract
{
    public static IEnumerable<(string Function, ChaincodeHandler Handler)> Functions =>
    [
        (Organization.ProposeOrganization, ProposeOrganization),
        (Organization.EndorseMembership, EndorseMembership),
        (Organization.ActivateOrganization, ActivateOrganization),
        (Organization.DefineAuthRule, DefineAuthRule),
        (Organization.InitiateMultiSigTx, InitiateMultiSigTx),
        (Organization.ApproveMultiSigTx, ApproveMultiSigTx),
        (Organization.CancelMultiSigTx, CancelMultiSigTx),
    ];

    private static ChaincodeResponse ProposeOrganization(ChaincodeContext context, ContractArgs args)
    {
        var (proposerId, orgId, orgName, orgType, stakeholders) = ProposeOrganizationArgs.Parse(args);
        context.RequireKnownRole();
        if (!stakeholders.Contains(proposerId))
        {
            throw ChaincodeRejection.Forbidden($"The proposer '{proposerId}' must be one of the stakeholders.");
        }

        if (context.Exists(StateKeys.Organization(orgId)) || context.Accounts.Find(orgId) is not null)
        {
            throw ChaincodeRejection.Conflict($"'{orgId}' is already taken by an organization or a wallet.");
        }

        foreach (var stakeholder in stakeholders)
        {
            if (!context.Exists(StateKeys.User(stakeholder)))
            {
                throw ChaincodeRejection.NotFound($"Stakeholder '{stakeholder}' is not a registered user.");
            }
        }

        var proposer = context.Read<UserState>(StateKeys.User(proposerId))!;

        var organization = new OrganizationState(
            orgId, orgName, orgType, proposerId, proposer.Nationality, GxStatuses.OrganizationProposed, stakeholders, [proposerId], null);
        context.Write(StateKeys.Organization(orgId), organization);
        return context.Commit(new OrganizationProposed(orgId, orgName, orgType, proposerId, proposer.Nationality, stakeholders, organization.EndorsedBy));
    }

    private static ChaincodeResponse EndorseMembership(ChaincodeContext context, ContractArgs args)
    {
        var request = EndorseMembershipArgs.Parse(args);
        context.RequireKnownRole();
        var organization = RequireOrganization(context, request.OrgId, GxStatuses.OrganizationProposed);
        var stakeholderId = RequireStakeholder(organization, request.StakeholderId);
        if (organization.EndorsedBy.Contains(stakeholderId))
        {
            throw ChaincodeRejection.Conflict($"'{stakeholderId}' has already endorsed '{organization.OrgId}'.");
        }

        organization = organization with { EndorsedBy = [.. organization.EndorsedBy, stakeholderId] };
        context.Write(StateKeys.Organization(organization.OrgId), organization);
        return context.Commit(new MembershipEndorsed(organization.OrgId, stakeholderId, organization.EndorsedBy, AllEndorsed(organization)));
    }

    private static ChaincodeResponse ActivateOrganization(ChaincodeContext context, ContractArgs args)
    {
        var request = ActivateOrganizationArgs.Parse(args);
        context.RequireKnownRole();
        var organization = RequireOrganization(context, request.OrgId, GxStatuses.OrganizationProposed);
        RequireStakeholder(organization, request.CallerId);
        if (!AllEndorsed(organization))
        {
            var missing = organization.StakeholderIds.Except(organization.EndorsedBy);
            throw ChaincodeRejection.Conflict($"'{organization.OrgId}' still needs the endorsement of {string.Join(", ", missing)}.");
        }

        context.Write(StateKeys.Organization(organization.OrgId), organization with { Status = GxStatuses.OrganizationActive });
        context.Accounts.Save(new AccountState(organization.OrgId, AccountState.OrganizationKind, 0, organization.Country, false, true, context.Now));
        return context.Commit(new OrganizationActivated(organization.OrgId, context.Accounts.TouchedBalances()));
    }

    /// <summary>
    /// One rule per organization. The first is defined by any stakeholder; replacing it is approved under the current
    /// rule, so one stakeholder cannot name themselves sole approver and pay themselves (pending transfers keep the rule
    /// they started with).
    /// </summary>
    private static ChaincodeResponse DefineAuthRule(ChaincodeContext context, ContractArgs args)
    {
        var request = DefineAuthRuleArgs.Parse(args);
        context.RequireKnownRole();
        var organization = RequireOrganization(context, request.OrgId, GxStatuses.OrganizationActive);
        var callerId = RequireStakeholder(organization, request.CallerId);
        var (threshold, required, approvers, requestId) = (request.AmountThresholdQirat, request.RequiredApprovals, request.ApproverIds, request.RequestId);
        if (approvers.FirstOrDefault(id => !organization.StakeholderIds.Contains(id)) is { } outsider)
        {
            throw ChaincodeRejection.BadRequest($"Approver '{outsider}' is not a stakeholder of '{organization.OrgId}'.");
        }

        var proposed = new AuthRuleState(threshold, required, approvers);

        if (organization.Rule is { RequiredApprovals: > 1 } current)
        {
            if (!current.ApproverIds.Contains(callerId))
            {
                throw ChaincodeRejection.Forbidden($"'{callerId}' is not an approver of the current rule of '{organization.OrgId}'; only they can propose a new one.");
            }

            var pendingTxId = GxIds.For(requestId ?? context.TransactionId, GxIds.MultiSigTx);
            context.RequireNew(StateKeys.MultiSigTx(pendingTxId), $"Multi-signature transaction '{pendingTxId}' already exists.");
            var expiresAt = context.Now.AddDays(context.Parameter(GxParameters.MultiSigExpiryDays));
            IReadOnlyList<string> approvals = [callerId];
            context.Write(StateKeys.MultiSigTx(pendingTxId), new MultiSigTxState(
                pendingTxId, organization.OrgId, callerId, "", 0, "", current.RequiredApprovals, current.ApproverIds, approvals,
                GxStatuses.MultiSigPending, expiresAt, proposed));
            return context.Commit(new AuthRuleChangeProposed(
                pendingTxId, organization.OrgId, callerId, threshold, required, approvers, approvals, current.RequiredApprovals, expiresAt));
        }
        if (organization.Rule is { } single && !single.ApproverIds.Contains(callerId))
        {
            throw ChaincodeRejection.Forbidden($"'{callerId}' is not an approver of the current rule of '{organization.OrgId}'; only they can replace it.");
        }

        context.Write(StateKeys.Organization(organization.OrgId), organization with { Rule = proposed });
        return context.Commit(new AuthRuleDefined(organization.OrgId, threshold, required, approvers));
    }

    private static bool AllEndorsed(OrganizationState organization) =>
        organization.StakeholderIds.All(organization.EndorsedBy.Contains);

    private static OrganizationState RequireOrganization(ChaincodeContext context, string orgId, string status)
    {
        var organization = context.Require<OrganizationState>(StateKeys.Organization(orgId), $"Organization '{orgId}' does not exist.");
        return organization.Status == status ? organization
            : throw ChaincodeRejection.Conflict($"Organization '{orgId}' is {organization.Status}; this needs {status}.");
    }

    private static string RequireStakeholder(OrganizationState organization, string userId) =>
        organization.StakeholderIds.Contains(userId) ? userId
            : throw ChaincodeRejection.Forbidden($"'{userId}' is not a stakeholder of '{organization.OrgId}'.");
}
