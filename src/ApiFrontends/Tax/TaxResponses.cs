using System.Globalization;
using GxProtocol.ApiFrontends.Domain.Money;
using GxProtocol.Grains.Interfaces.Tax;

namespace GxProtocol.ApiFrontends.Tax;

/// <summary>A fee quote in coins: the sender pays amount + feeFromSender, the receiver gets netReceived.</summary>
public sealed record FeeQuoteResponse(
    string Amount, string TransactionType, bool SameCountry, int FeeBps, string Fee, string FeeFromSender,
    string FeeFromReceiver, string NetReceived, string SenderDebit)
{
    public static FeeQuoteResponse From(FeeQuoteView quote) => new(CoinFormat.ToCoins(quote.Amount), quote.TransactionType,
        quote.SameCountry, quote.FeeBps, CoinFormat.ToCoins(quote.Fee), CoinFormat.ToCoins(quote.FeeFromSender),
        CoinFormat.ToCoins(quote.FeeFromReceiver), CoinFormat.ToCoins(quote.NetReceived), CoinFormat.ToCoins(quote.SenderDebit));
}

/// <summary>Whether the velocity tax is due; <c>rate</c> is the balance band's rate as a percentage ("2.5%").</summary>
public sealed record VelocityTaxEligibilityResponse(
    string AccountId, bool Eligible, string Balance, int? DaysSinceLastOutgoing, DateTimeOffset? IdleSince, int PeriodDays,
    int RateBps, string Rate, string TaxIfApplied)
{
    public static VelocityTaxEligibilityResponse From(VelocityTaxEligibility eligibility) => new(eligibility.AccountId,
        eligibility.Eligible, CoinFormat.ToCoins(eligibility.Balance), eligibility.DaysSinceLastOutgoing, eligibility.IdleSince,
        eligibility.PeriodDays, eligibility.RateBps, (eligibility.RateBps / 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%",
        CoinFormat.ToCoins(eligibility.TaxIfApplied));
}

public sealed record TaxHistoryResponse(string TxId, string Kind, string Amount, string? Counterparty, DateTimeOffset RecordedAt)
{
    public static TaxHistoryResponse From(TaxHistoryEntry entry) =>
        new(entry.TransactionId, entry.Kind, CoinFormat.ToCoins(entry.Amount), entry.Counterparty, entry.RecordedAt);
}

/// <summary>What an account paid in fees and velocity tax, with its latest payments (newest first).</summary>
public sealed record TaxAccountResponse(
    string AccountId, string FeesPaid, string VelocityTaxPaid, DateTimeOffset? LastOutgoingAt, IReadOnlyList<TaxHistoryResponse> History)
{
    public static TaxAccountResponse From(TaxAccountView account) => new(account.AccountId, CoinFormat.ToCoins(account.FeesPaid),
        CoinFormat.ToCoins(account.VelocityTaxPaid), account.LastOutgoingAt, account.History.Select(TaxHistoryResponse.From).ToList());
}
