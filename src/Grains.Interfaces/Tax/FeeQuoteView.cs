namespace GxProtocol.Grains.Interfaces.Tax;

/// <summary>The ledger's fee quote in Qirat: the sender is debited <see cref="SenderDebit"/>, the receiver gets <see cref="NetReceived"/>.</summary>
[GenerateSerializer, Immutable, Alias("gx.FeeQuoteView")]
public sealed record FeeQuoteView(
    [property: Id(0)] long Amount,
    [property: Id(1)] string TransactionType,
    [property: Id(2)] bool SameCountry,
    [property: Id(3)] int FeeBps,
    [property: Id(4)] long Fee,
    [property: Id(5)] long FeeFromSender,
    [property: Id(6)] long FeeFromReceiver,
    [property: Id(7)] long NetReceived,
    [property: Id(8)] long SenderDebit);
