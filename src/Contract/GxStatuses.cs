namespace GxProtocol.Contract;

/// <summary>Status strings the chaincode stores and puts in event payloads.</summary>
public static class GxStatuses
{
    public const string LoanPendingApproval = "PENDING_APPROVAL";
    public const string LoanActive = "ACTIVE";
    public const string LoanRepaid = "REPAID";
    public const string LoanRejected = "REJECTED";

    public const string OrganizationProposed = "PROPOSED";
    public const string OrganizationActive = "ACTIVE";

    public const string MultiSigPending = "PENDING";
    public const string MultiSigExecuted = "EXECUTED";
    public const string MultiSigCancelled = "CANCELLED";

    public const string ProposalActive = "ACTIVE";
    public const string ProposalExecuted = "EXECUTED";
    public const string ProposalFailed = "FAILED";

    public const string VoteFor = "FOR";
    public const string VoteAgainst = "AGAINST";
    public const string VoteAbstain = "ABSTAIN";

    /// <summary>CalculateTransactionFee transaction types (see <see cref="TransferKind"/>).</summary>
    public const string TransactionTransfer = "TRANSFER";
    public const string TransactionOrganization = "ORGANIZATION";
    public const string TransactionSystem = "SYSTEM";
}
