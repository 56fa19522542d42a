using GxProtocol.ApiFrontends.Domain.Money;
using GxProtocol.ApiFrontends.Infrastructure.Commands;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Loans;
using GxProtocol.Grains.Interfaces.ReadModels;

namespace GxProtocol.ApiFrontends.LoanPool;

/// <summary>A loan in coins. <c>pendingRepayments</c> are accepted but not yet recorded by the ledger.</summary>
public sealed record LoanResponse(
    Guid LoanId, Guid BorrowerId, string Status, string Amount, string AmountDue, string TotalRepaid, string Remaining,
    string PendingRepayments, string CollateralHash, int? TermDays, int TrustScore, DateTimeOffset AppliedAt, DateTimeOffset? DueAt,
    string? Reason, IReadOnlyList<LoanRepaymentResponse> Repayments)
{
    public static LoanResponse From(LoanView loan) => new(loan.LoanId, loan.BorrowerId, loan.Status, CoinFormat.ToCoins(loan.Amount),
        CoinFormat.ToCoins(loan.AmountDue), CoinFormat.ToCoins(loan.TotalRepaid), CoinFormat.ToCoins(loan.Remaining),
        CoinFormat.ToCoins(loan.PendingRepayments), loan.CollateralHash, loan.TermDays, loan.TrustScore, loan.AppliedAt, loan.DueAt,
        loan.Reason, loan.Repayments.Select(r => new LoanRepaymentResponse(CoinFormat.ToCoins(r.Amount), CoinFormat.ToCoins(r.TotalRepaid),
            CoinFormat.ToCoins(r.Remaining), r.TransactionId, r.RecordedAt)).ToList());
}

public sealed record LoanRepaymentResponse(string Amount, string TotalRepaid, string Remaining, string TxId, DateTimeOffset RecordedAt);

/// <summary>The answer to POST /loans: the new loan's id with its command's status (202 PENDING, or 200 when waited for).</summary>
public sealed record LoanApplicationResponse(
    Guid LoanId, Guid CommandId, string Status, string? TxId, ulong? BlockNumber, string? ErrorCode, string? Reason)
{
    public static LoanApplicationResponse Accepted(Guid loanId, CommandAccepted accepted) =>
        new(loanId, accepted.CommandId, accepted.Status.ToString().ToUpperInvariant(), null, null, null, null);

    public static LoanApplicationResponse Finished(Guid loanId, CommandStatusResponse status) =>
        new(loanId, status.CommandId, status.Status, status.TxId, status.BlockNumber, status.ErrorCode, status.Reason);
}

public sealed record LoanSummaryResponse(
    Guid LoanId, Guid BorrowerId, string Status, string Amount, string AmountDue, string TotalRepaid, string Remaining,
    int TermDays, int TrustScore, DateTimeOffset AppliedAt, DateTimeOffset? DueAt, string? Reason)
{
    public static LoanSummaryResponse From(LoanSummary loan) => new(loan.LoanId, loan.BorrowerId, loan.Status, CoinFormat.ToCoins(loan.Amount),
        CoinFormat.ToCoins(loan.AmountDue), CoinFormat.ToCoins(loan.TotalRepaid), CoinFormat.ToCoins(loan.Remaining), loan.TermDays,
        loan.TrustScore, loan.AppliedAt, loan.DueAt, loan.Reason);
}

public sealed record LoansPage(IReadOnlyList<LoanSummaryResponse> Items, string? NextCursor);
