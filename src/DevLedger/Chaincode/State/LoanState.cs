using System.Text.Json.Serialization;

namespace GxProtocol.DevLedger.Chaincode.State;

internal sealed record LoanState(
    string LoanId,
    string BorrowerId,
    long Amount,
    long AmountDue,
    long Repaid,
    string CollateralHash,
    int TermDays,
    int TrustScore,
    string Status,
    DateTimeOffset AppliedAt,
    DateTimeOffset? DueAt)
{
    [JsonIgnore]
    public long Remaining => AmountDue - Repaid;
}
