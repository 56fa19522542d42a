namespace GxProtocol.DevLedger.Chaincode.State;

/// <summary>An organization; its rule is null until DefineAuthRule. Its wallet exists once ACTIVE.</summary>
internal sealed record OrganizationState(
    string OrgId,
    string OrgName,
    string OrgType,
    string ProposerId,
    string Country,
    string Status,
    IReadOnlyList<string> StakeholderIds,
    IReadOnlyList<string> EndorsedBy,
    AuthRuleState? Rule);

internal sealed record AuthRuleState(long AmountThreshold, int RequiredApprovals, IReadOnlyList<string> ApproverIds);
