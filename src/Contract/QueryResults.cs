namespace GxProtocol.Contract;

/// <summary>TokenomicsContract:GetBalance result. Kind: user, organization, pool or treasury.</summary>
public sealed record BalanceQueryResult(string Account, string Kind, long Balance, bool Frozen, string? Country);

/// <summary>TaxAndFeeContract:CalculateTransactionFee result; SenderDebit = amount + feeFromSender.</summary>
public sealed record FeeQuoteResult(
    long Amount,
    string TransactionType,
    bool SameCountry,
    int FeeBps,
    long Fee,
    long FeeFromSender,
    long FeeFromReceiver,
    long NetReceived,
    long SenderDebit);

/// <summary>AdminContract:GetBlindCredits result: the pool's unfolded credit keys (by transaction id, at most the limit) and their amount.</summary>
public sealed record BlindCreditsResult(string Account, IReadOnlyList<string> TransactionIds, long Amount);
