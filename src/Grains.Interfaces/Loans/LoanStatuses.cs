namespace GxProtocol.Grains.Interfaces.Loans;

/// <summary>
/// A loan's status: the chaincode's PENDING_APPROVAL, ACTIVE, REPAID, REJECTED, plus two the backend adds around
/// the ledger: the application is accepted but not yet committed, or the ledger refused it.
/// </summary>
public static class LoanStatuses
{
    public const string PendingOnchain = "PENDING_ONCHAIN";
    public const string Failed = "FAILED";
}
