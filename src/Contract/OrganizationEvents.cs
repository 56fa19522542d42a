namespace GxProtocol.Contract;

/// <summary>The proposer's endorsement is recorded with the proposal (proposing is endorsing).</summary>
public sealed record OrganizationProposed(
    [property: Party(LedgerPartyKind.Organization)] string OrgId,
    string OrgName,
    string OrgType,
    string ProposerId,
    string Country,
    IReadOnlyList<string> StakeholderIds,
    IReadOnlyList<string> EndorsedBy) : ILedgerEvent;

public sealed record MembershipEndorsed([property: Party(LedgerPartyKind.Organization)] string OrgId, [property: Party(LedgerPartyKind.User)] string StakeholderId, IReadOnlyList<string> EndorsedBy, bool AllEndorsed) : ILedgerEvent;

/// <summary>The organization's wallet (account = orgId) exists from now on.</summary>
public sealed record OrganizationActivated([property: Party(LedgerPartyKind.Organization)] string OrgId, [property: Party(LedgerPartyKind.Account)] IReadOnlyList<AccountBalance> Balances) : ILedgerEvent;

/// <summary>
/// The organization's rule is now this one. <paramref name="PendingTxId"/> and <paramref name="ApproverId"/> are set
/// when a rule change was executed by its last approval.
/// </summary>
public sealed record AuthRuleDefined(
    [property: Party(LedgerPartyKind.Organization)] string OrgId, long AmountThreshold, int RequiredApprovals, IReadOnlyList<string> ApproverIds,
    string? PendingTxId = null, [property: Party(LedgerPartyKind.User)] string? ApproverId = null) : ILedgerEvent;

/// <summary>A change of an existing rule waits for the approvals the current rule requires (<paramref name="ApprovalsNeeded"/>).</summary>
public sealed record AuthRuleChangeProposed(
    string PendingTxId,
    [property: Party(LedgerPartyKind.Organization)] string OrgId,
    [property: Party(LedgerPartyKind.User)] string InitiatorId,
    long AmountThreshold,
    int RequiredApprovals,
    IReadOnlyList<string> ApproverIds,
    IReadOnlyList<string> Approvals,
    int ApprovalsNeeded,
    DateTimeOffset ExpiresAt) : ILedgerEvent;

/// <summary>A pending multi-signature transaction was cancelled by its initiator or an approver; it will never execute.</summary>
public sealed record MultiSigTxCancelled(string PendingTxId, [property: Party(LedgerPartyKind.Organization)] string OrgId, string CancelledBy) : ILedgerEvent;

/// <summary>
/// The fee side of an executed transfer. The fee goes to the operations fund without the fund being read, so the
/// Balances of the event carrying these fees never include the fund.
/// </summary>
public sealed record TransferFees(int FeeBps, long Fee, long FeeFromSender, long FeeFromReceiver, long NetReceived);

/// <summary>
/// A multi-signature transfer was initiated. When it needed no approval beyond the initiator's it was executed
/// in the same transaction: <paramref name="Status"/> is EXECUTED and <paramref name="Fees"/> is set.
/// </summary>
public sealed record MultiSigTxInitiated(
    string PendingTxId,
    [property: Party(LedgerPartyKind.Organization)][property: Party(LedgerPartyKind.TaxAccount)] string OrgId,
    [property: Party(LedgerPartyKind.User)] string InitiatorId,
    [property: Party(LedgerPartyKind.User)][property: Party(LedgerPartyKind.TaxAccount)] string To,
    long Amount,
    string Remark,
    int RequiredApprovals,
    IReadOnlyList<string> Approvals,
    string Status,
    TransferFees? Fees,
    [property: Party(LedgerPartyKind.Account)] IReadOnlyList<AccountBalance> Balances) : ILedgerEvent;

public sealed record MultiSigTxApproved(string PendingTxId, [property: Party(LedgerPartyKind.Organization)] string OrgId, [property: Party(LedgerPartyKind.User)] string ApproverId, IReadOnlyList<string> Approvals, int RequiredApprovals) : ILedgerEvent;

public sealed record MultiSigTxExecuted(
    string PendingTxId,
    [property: Party(LedgerPartyKind.Organization)][property: Party(LedgerPartyKind.TaxAccount)] string OrgId,
    [property: Party(LedgerPartyKind.User)] string ApproverId,
    [property: Party(LedgerPartyKind.User)][property: Party(LedgerPartyKind.TaxAccount)] string To,
    long Amount,
    IReadOnlyList<string> Approvals,
    TransferFees Fees,
    [property: Party(LedgerPartyKind.Account)] IReadOnlyList<AccountBalance> Balances) : ILedgerEvent;
