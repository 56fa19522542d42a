namespace GxProtocol.Grains.Interfaces.Loans;

/// <summary>A loan as its grain knows it (amounts in Qirat). <see cref="PendingRepayments"/> are accepted, not yet on chain.</summary>
[GenerateSerializer, Immutable, Alias("gx.LoanView")]
public sealed record LoanView(
    [property: Id(0)] Guid LoanId,
    [property: Id(1)] Guid BorrowerId,
    [property: Id(2)] string Status,
    [property: Id(3)] long Amount,
    [property: Id(4)] long AmountDue,
    [property: Id(5)] long TotalRepaid,
    [property: Id(6)] long PendingRepayments,
    [property: Id(7)] string CollateralHash,
    [property: Id(8)] int? TermDays,
    [property: Id(9)] int TrustScore,
    [property: Id(10)] DateTimeOffset AppliedAt,
    [property: Id(11)] DateTimeOffset? DueAt,
    [property: Id(12)] string? Reason,
    [property: Id(13)] IReadOnlyList<LoanRepayment> Repayments)
{
    public long Remaining => AmountDue - TotalRepaid;
}

/// <summary>One repayment the ledger recorded.</summary>
[GenerateSerializer, Immutable, Alias("gx.LoanRepayment")]
public sealed record LoanRepayment(
    [property: Id(0)] long Amount,
    [property: Id(1)] long TotalRepaid,
    [property: Id(2)] long Remaining,
    [property: Id(3)] string TransactionId,
    [property: Id(4)] DateTimeOffset RecordedAt);
