namespace GxProtocol.Grains.Interfaces.ReadModels;

/// <summary>A loan as the read models list it (amounts in Qirat; status PENDING_APPROVAL, ACTIVE, REPAID or REJECTED).</summary>
[GenerateSerializer, Immutable, Alias("gx.LoanSummary")]
public sealed record LoanSummary(
    [property: Id(0)] Guid LoanId,
    [property: Id(1)] Guid BorrowerId,
    [property: Id(2)] long Amount,
    [property: Id(3)] long AmountDue,
    [property: Id(4)] long TotalRepaid,
    [property: Id(5)] long Remaining,
    [property: Id(6)] string Status,
    [property: Id(7)] int TermDays,
    [property: Id(8)] int TrustScore,
    [property: Id(9)] DateTimeOffset AppliedAt,
    [property: Id(10)] DateTimeOffset? DueAt,
    [property: Id(11)] string? Reason);
