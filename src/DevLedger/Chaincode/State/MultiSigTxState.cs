namespace GxProtocol.DevLedger.Chaincode.State;

/// <summary>
/// A multi-signature transfer; the approver set and required count are copied from the rule at initiation, so
/// a later rule change cannot alter what an in-flight transfer needs. With <c>ProposedRule</c> set it is a rule
/// change, executed by setting the rule instead of moving coins. Stored before expiry existed: never expires.
/// </summary>
internal sealed record MultiSigTxState(
    string PendingTxId,
    string OrgId,
    string InitiatorId,
    string To,
    long Amount,
    string Remark,
    int RequiredApprovals,
    IReadOnlyList<string> ApproverIds,
    IReadOnlyList<string> Approvals,
    string Status,
    DateTimeOffset? ExpiresAt = null,
    AuthRuleState? ProposedRule = null);
