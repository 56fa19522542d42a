namespace GxProtocol.Contract;

public sealed record LoanApplicationReceived(
    string LoanId,
    string BorrowerId,
    long Amount,
    long AmountDue,
    string CollateralHash,
    int TermDays,
    int TrustScore,
    string Status);

/// <summary>The loan is ACTIVE and the amount was disbursed from the loan pool to the borrower.</summary>
public sealed record LoanApproved(string LoanId, string BorrowerId, long Amount, long AmountDue, DateTimeOffset DueAt, IReadOnlyList<AccountBalance> Balances);

public sealed record LoanRejected(string LoanId, string BorrowerId, string Reason);

/// <summary>
/// One repayment into the loan pool; <paramref name="Status"/> becomes REPAID when nothing remains.
/// <paramref name="CommandId"/> is the backend's command that asked for it, when it named one.
/// </summary>
public sealed record LoanRepaid(
    string LoanId,
    string BorrowerId,
    long Amount,
    long TotalRepaid,
    long Remaining,
    string Status,
    IReadOnlyList<AccountBalance> Balances,
    string? CommandId = null);
