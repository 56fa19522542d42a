namespace GxProtocol.Contract;

public sealed record LoanApplicationReceived(
    [property: Party(LedgerPartyKind.Loan)] string LoanId,
    [property: Party(LedgerPartyKind.User)] string BorrowerId,
    long Amount,
    long AmountDue,
    string CollateralHash,
    int TermDays,
    int TrustScore,
    string Status) : ILedgerEvent;

/// <summary>The loan is ACTIVE and the amount was disbursed from the loan pool to the borrower.</summary>
public sealed record LoanApproved([property: Party(LedgerPartyKind.Loan)] string LoanId, [property: Party(LedgerPartyKind.User)] string BorrowerId, long Amount, long AmountDue, DateTimeOffset DueAt, [property: Party(LedgerPartyKind.Account)] IReadOnlyList<AccountBalance> Balances) : ILedgerEvent;

public sealed record LoanRejected([property: Party(LedgerPartyKind.Loan)] string LoanId, [property: Party(LedgerPartyKind.User)] string BorrowerId, string Reason) : ILedgerEvent;

/// <summary>
/// One repayment into the loan pool; <paramref name="Status"/> becomes REPAID when nothing remains.
/// <paramref name="CommandId"/> is the backend's command that asked for it, when it named one.
/// </summary>
public sealed record LoanRepaid(
    [property: Party(LedgerPartyKind.Loan)] string LoanId,
    [property: Party(LedgerPartyKind.User)][property: Party(LedgerPartyKind.TaxAccount)] string BorrowerId,
    long Amount,
    long TotalRepaid,
    long Remaining,
    string Status,
    [property: Party(LedgerPartyKind.Account)] IReadOnlyList<AccountBalance> Balances,
    string? CommandId = null) : ILedgerEvent;
