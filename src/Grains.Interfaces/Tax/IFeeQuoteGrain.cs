namespace GxProtocol.Grains.Interfaces.Tax;

/// <summary>
/// Fee quotes asked of the ledger itself (TaxAndFeeContract:CalculateTransactionFee), so a quote always follows the
/// rule and the parameters the chaincode charges with. Stateless: every silo answers locally, and a frontend that
/// runs as a cluster client (without a ledger connection of its own) reaches the ledger through it.
/// </summary>
[Alias("gx.IFeeQuoteGrain")]
public interface IFeeQuoteGrain : IGrainWithIntegerKey
{
    [Alias("Quote")] Task<FeeQuoteView> QuoteAsync(FeeQuoteRequest request);
}
