using GxProtocol.ApiFrontends.Domain.Money;
using GxProtocol.ApiFrontends.Infrastructure.Commands;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Organizations;

namespace GxProtocol.ApiFrontends.Organization;

public sealed record AuthRuleResponse(string AmountThreshold, int RequiredApprovals, IReadOnlyList<Guid> ApproverIds)
{
    public static AuthRuleResponse From(AuthRuleView rule) => new(CoinFormat.ToCoins(rule.AmountThreshold), rule.RequiredApprovals, rule.ApproverIds);
}

/// <summary>An organization in coins; <c>available</c> is the balance minus what accepted transfers hold.</summary>
public sealed record OrganizationResponse(
    string OrgId, string OrgName, string OrgType, string Country, Guid ProposerId, string Status,
    IReadOnlyList<Guid> StakeholderIds, IReadOnlyList<Guid> EndorsedBy, AuthRuleResponse? Rule,
    string Balance, string PendingHolds, string Available)
{
    public static OrganizationResponse From(OrganizationView org) => new(
        org.OrgId, org.OrgName, org.OrgType, org.Country, org.ProposerId, org.Status, org.StakeholderIds, org.EndorsedBy,
        org.Rule is null ? null : AuthRuleResponse.From(org.Rule), CoinFormat.ToCoins(org.Balance), CoinFormat.ToCoins(org.PendingHolds),
        CoinFormat.ToCoins(Math.Max(0, org.Balance - org.PendingHolds)));
}

/// <summary>
/// A pending transfer, or (kind RULE_CHANGE, with <c>proposedRule</c>) a change of the rule waiting for the current
/// rule's approvals; either can be approved until <c>expiresAt</c>.
/// </summary>
public sealed record PendingTransferResponse(
    Guid PendingTxId, Guid InitiatorId, Guid ToUserId, string Amount, string Remark, int RequiredApprovals,
    IReadOnlyList<Guid> Approvals, string Status, DateTimeOffset InitiatedAt, string Kind, AuthRuleResponse? ProposedRule, DateTimeOffset? ExpiresAt)
{
    /// <summary>PENDING once the ledger has the transaction; PENDING_ONCHAIN while its initiation is still being committed.</summary>
    public static PendingTransferResponse From(MultiSigTxView tx) => new(
        tx.PendingTxId, tx.InitiatorId, tx.ToUserId, CoinFormat.ToCoins(tx.Amount), tx.Remark, tx.RequiredApprovals, tx.Approvals,
        tx.OnChain ? "PENDING" : "PENDING_ONCHAIN", tx.InitiatedAt, tx.ProposedRule is null ? "TRANSFER" : "RULE_CHANGE",
        tx.ProposedRule is null ? null : AuthRuleResponse.From(tx.ProposedRule), tx.ExpiresAt);
}

public sealed record PendingTransfersPage(IReadOnlyList<PendingTransferResponse> Items);

/// <summary>The answer to an initiation: the command's status (as for every command) plus the transaction's id.</summary>
public sealed record InitiatedTransferResponse(
    Guid CommandId, string Status, Guid PendingTxId, string? TxId = null, ulong? BlockNumber = null, string? ErrorCode = null, string? Reason = null)
{
    public static InitiatedTransferResponse From(CommandStatusResponse status, Guid pendingTxId) => new(
        status.CommandId, status.Status, pendingTxId, status.TxId, status.BlockNumber, status.ErrorCode, status.Reason);

    public static InitiatedTransferResponse From(CommandAccepted accepted, Guid pendingTxId) => new(
        accepted.CommandId, accepted.Status.ToString().ToUpperInvariant(), pendingTxId);
}
