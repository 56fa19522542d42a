using System.Globalization;
using System.Text.Json;

namespace GxProtocol.Contract;

// The arguments of OrganizationContract's functions (GxChaincode.Organization), built by the backend, sent as Fabric's
// positional strings (ToArguments) and read by the chaincode (Parse). Lists of ids travel as JSON arrays.

/// <summary>Parse lower-cases and checks the type; that the proposer is a stakeholder is the chaincode's rule (403).</summary>
public sealed record ProposeOrganizationArgs(string ProposerId, string OrgId, string OrgName, string OrgType, IReadOnlyList<string> StakeholderIds)
{
    public const int MaxStakeholders = 50;

    public static readonly IReadOnlyList<string> OrgTypes = ["business", "government", "nonprofit"];

    public static ProposeOrganizationArgs Parse(ContractArgs args)
    {
        args.ExpectCount(5, 5);
        var proposerId = args.Id(0, "proposerId");
        var orgId = args.Id(1, "orgId");
        var orgName = args.Text(2, "orgName", 200, required: true);
        var orgType = args.Text(3, "orgType", 20, required: true).ToLowerInvariant();
        if (!OrgTypes.Contains(orgType))
        {
            throw new ContractArgumentException($"orgType must be one of {string.Join(", ", OrgTypes)}; got '{orgType}'.");
        }
        return new ProposeOrganizationArgs(proposerId, orgId, orgName, orgType, args.IdList(4, "stakeholderIds", MaxStakeholders));
    }

    public string[] ToArguments() => [ProposerId, OrgId, OrgName, OrgType, JsonSerializer.Serialize(StakeholderIds)];
}

public sealed record EndorseMembershipArgs(string OrgId, string StakeholderId)
{
    public static EndorseMembershipArgs Parse(ContractArgs args)
    {
        args.ExpectCount(2, 2);
        return new EndorseMembershipArgs(args.Id(0, "orgId"), args.Id(1, "stakeholderId"));
    }

    public string[] ToArguments() => [OrgId, StakeholderId];

    /// <summary>The arguments a backend command stored (written by <see cref="ToArguments"/>), read back without validating them again.</summary>
    public static EndorseMembershipArgs FromStored(IReadOnlyList<string> arguments) => new(arguments[0], arguments[1]);
}

public sealed record ActivateOrganizationArgs(string OrgId, string CallerId)
{
    public static ActivateOrganizationArgs Parse(ContractArgs args)
    {
        args.ExpectCount(2, 2);
        return new ActivateOrganizationArgs(args.Id(0, "orgId"), args.Id(1, "callerId"));
    }

    public string[] ToArguments() => [OrgId, CallerId];
}

/// <summary>That the approvers are stakeholders, and who may replace a rule, are the chaincode's rules.</summary>
public sealed record DefineAuthRuleArgs(
    string OrgId, string CallerId, long AmountThresholdQirat, int RequiredApprovals, IReadOnlyList<string> ApproverIds, string? RequestId)
{
    public static DefineAuthRuleArgs Parse(ContractArgs args)
    {
        args.ExpectCount(5, 6);
        var orgId = args.Id(0, "orgId");
        var callerId = args.Id(1, "callerId");
        var threshold = args.Long(2, "amountThresholdQirat", 0, GxSupply.TotalSupplyQirat);
        var approvers = args.IdList(4, "approverIds", ProposeOrganizationArgs.MaxStakeholders);
        var required = args.Int(3, "requiredApprovals", 1, approvers.Count);
        return new DefineAuthRuleArgs(orgId, callerId, threshold, required, approvers, args.OptionalId(5, "requestId"));
    }

    public string[] ToArguments() =>
    [
        OrgId, CallerId, AmountThresholdQirat.ToString(CultureInfo.InvariantCulture), RequiredApprovals.ToString(CultureInfo.InvariantCulture),
        JsonSerializer.Serialize(ApproverIds), RequestId ?? "",
    ];
}

public sealed record InitiateMultiSigTxArgs(string OrgId, string InitiatorId, string To, long AmountQirat, string? Remark, string? RequestId)
{
    public static InitiateMultiSigTxArgs Parse(ContractArgs args)
    {
        args.ExpectCount(4, 6);
        return new InitiateMultiSigTxArgs(
            args.Id(0, "orgId"), args.Id(1, "initiatorId"), args.Account(2, "toUserId"), args.Qirat(3, "amountQirat"),
            args.Text(4, "remark", 500, required: false), args.OptionalId(5, "requestId"));
    }

    public string[] ToArguments() => [OrgId, InitiatorId, To, AmountQirat.ToString(CultureInfo.InvariantCulture), Remark ?? "", RequestId ?? ""];
}

public sealed record ApproveMultiSigTxArgs(string PendingTxId, string ApproverId)
{
    public static ApproveMultiSigTxArgs Parse(ContractArgs args)
    {
        args.ExpectCount(2, 2);
        return new ApproveMultiSigTxArgs(args.Id(0, "pendingTxId"), args.Id(1, "approverId"));
    }

    public string[] ToArguments() => [PendingTxId, ApproverId];

    /// <summary>The arguments a backend command stored (written by <see cref="ToArguments"/>), read back without validating them again.</summary>
    public static ApproveMultiSigTxArgs FromStored(IReadOnlyList<string> arguments) => new(arguments[0], arguments[1]);
}

public sealed record CancelMultiSigTxArgs(string PendingTxId, string CallerId)
{
    public static CancelMultiSigTxArgs Parse(ContractArgs args)
    {
        args.ExpectCount(2, 2);
        return new CancelMultiSigTxArgs(args.Id(0, "pendingTxId"), args.Id(1, "callerId"));
    }

    public string[] ToArguments() => [PendingTxId, CallerId];

    /// <summary>The arguments a backend command stored (written by <see cref="ToArguments"/>), read back without validating them again.</summary>
    public static CancelMultiSigTxArgs FromStored(IReadOnlyList<string> arguments) => new(arguments[0], arguments[1]);
}
