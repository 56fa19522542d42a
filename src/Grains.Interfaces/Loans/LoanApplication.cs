namespace GxProtocol.Grains.Interfaces.Loans;

/// <summary>An application for a loan; <see cref="CommandId"/> is also the request id the loan id derives from.</summary>
[GenerateSerializer, Immutable, Alias("gx.LoanApplication")]
public sealed record LoanApplication(
    [property: Id(0)] Guid CommandId,
    [property: Id(1)] Guid BorrowerId,
    [property: Id(2)] long AmountQirat,
    [property: Id(3)] string CollateralHash,
    [property: Id(4)] int? TermDays);
