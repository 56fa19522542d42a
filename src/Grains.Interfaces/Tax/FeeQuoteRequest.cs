namespace GxProtocol.Grains.Interfaces.Tax;

/// <summary>
/// What a fee is quoted for: an amount in Qirat, each side's account (user id or organization id) or country code
/// when known, and the transaction type (TRANSFER, ORGANIZATION, SYSTEM) that decides who pays when the accounts are
/// not both known.
/// </summary>
[GenerateSerializer, Immutable, Alias("gx.FeeQuoteRequest")]
public sealed record FeeQuoteRequest(
    [property: Id(0)] long AmountQirat,
    [property: Id(1)] string? FromAccount,
    [property: Id(2)] string? ToAccount,
    [property: Id(3)] string TransactionType,
    [property: Id(4)] string? FromCountry = null,
    [property: Id(5)] string? ToCountry = null);
