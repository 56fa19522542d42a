using GxProtocol.ApiFrontends.Domain.Money;

namespace GxProtocol.ApiFrontends.Organization;

public sealed record ProposeOrganizationRequest(string OrgId, string OrgName, string OrgType, Guid[] StakeholderIds);

/// <summary>Transfers at or above <see cref="AmountThreshold"/> coins need <see cref="RequiredApprovals"/> of the approvers.</summary>
public sealed record DefineAuthRuleRequest(CoinAmount AmountThreshold, int RequiredApprovals, Guid[] ApproverIds);

public sealed record InitiateTransferRequest(Guid ToUserId, PositiveCoinAmount Amount, string? Remark = null);
