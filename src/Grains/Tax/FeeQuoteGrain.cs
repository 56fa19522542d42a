using GxProtocol.Contract;
using GxProtocol.Fabric;
using GxProtocol.Grains.Interfaces.Tax;
using Orleans.Concurrency;

namespace GxProtocol.Grains.Tax;

/// <summary>
/// Asks the chaincode for the fee, rather than computing it here, so the quote is the fee a transfer is charged:
/// the same band rule, the governable transactionFeeBps in force and the accounts' kinds and countries on chain.
/// </summary>
[StatelessWorker]
public sealed class FeeQuoteGrain(ILedgerClient ledger) : Grain, IFeeQuoteGrain
{
    public async Task<FeeQuoteView> QuoteAsync(FeeQuoteRequest request)
    {
        var quote = await LedgerQueries.EvaluateAsync<FeeQuoteResult>(ledger, GxChaincode.Tax.CalculateTransactionFee,
            new CalculateTransactionFeeArgs(
                request.AmountQirat, request.FromAccount, request.ToAccount, request.TransactionType, request.FromCountry, request.ToCountry).ToArguments());
        return new FeeQuoteView(quote.Amount, quote.TransactionType, quote.SameCountry, quote.FeeBps, quote.Fee,
            quote.FeeFromSender, quote.FeeFromReceiver, quote.NetReceived, quote.SenderDebit);
    }
}
