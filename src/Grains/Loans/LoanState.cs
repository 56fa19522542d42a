using GxProtocol.Grains.Commands;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.Loans;

namespace GxProtocol.Grains.Loans;

[GenerateSerializer, Alias("gx.LoanState")]
public sealed class LoanState
{
    public const int RepaymentsKept = 50;

    /// <summary>Null until an application is accepted under this loan id.</summary>
    [Id(0)] public string? Status { get; set; }
    [Id(1)] public Guid BorrowerId { get; set; }
    [Id(2)] public long Amount { get; set; }

    /// <summary>What must be repaid: the amount plus interest (zero by default), as the ledger computed it.</summary>
    [Id(3)] public long AmountDue { get; set; }
    [Id(4)] public long TotalRepaid { get; set; }
    [Id(5)] public string CollateralHash { get; set; } = "";

    /// <summary>As asked; null means the ledger's maximum duration.</summary>
    [Id(6)] public int? TermDays { get; set; }
    [Id(7)] public int TrustScore { get; set; }
    [Id(8)] public DateTimeOffset AppliedAt { get; set; }
    [Id(9)] public DateTimeOffset? DueAt { get; set; }

    /// <summary>Why the loan was rejected, or why the ledger refused the application.</summary>
    [Id(10)] public string? Reason { get; set; }

    /// <summary>The last <see cref="RepaymentsKept"/> repayments; the full history is in the read models.</summary>
    [Id(11)] public List<LoanRepayment> Repayments { get; set; } = [];
    [Id(12)] public CommandLog Log { get; set; } = new();
    [Id(13)] public LedgerPosition LastApplied { get; set; } = LedgerPosition.None;

    public long Remaining => AmountDue - TotalRepaid;

    public void AddRepayment(LoanRepayment repayment)
    {
        Repayments.Add(repayment);
        if (Repayments.Count > RepaymentsKept)
        {
            Repayments.RemoveAt(0);
        }
    }
}
