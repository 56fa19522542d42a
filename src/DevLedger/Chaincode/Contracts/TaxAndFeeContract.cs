using GxProtocol.DevLedger.Chaincode.State;
using GxProtocol.Fabric.Contract;
using Tax = GxProtocol.Fabric.Contract.GxChaincode.Tax;

namespace GxProtocol.DevLedger.Chaincode.Contracts;

/// <summary>TaxAndFeeContract: velocity tax on idle wallets and fee quotes with the same rule as transfers.</summary>
internal static class TaxAndFeeContract
{
    public static IEnumerable<(string Function, ChaincodeHandler Handler)> Functions =>
    [
        (Tax.ApplyVelocityTax, ApplyVelocityTax),
        (Tax.CalculateTransactionFee, CalculateTransactionFee),
    ];

    /// <summary>
    /// Charges a wallet idle for velocityTaxPeriodDays (no outgoing transfer, no earlier tax) and restarts its clock,
    /// so the same idle period is never taxed twice. Idle time is measured only against the transaction timestamp.
    /// A frozen wallet is still taxed: freezing stops its owner from moving money, not the protocol.
    /// </summary>
    private static ChaincodeResponse ApplyVelocityTax(ChaincodeContext context, ChaincodeArgs args)
    {
        args.ExpectCount(1, 1);
        context.RequireAdministrator();
        var accountId = args.Id(0, "accountId");
        context.RequireOperational();
        var wallet = context.Accounts.Require(accountId);
        if (!wallet.IsWallet || wallet.Country is null) throw ChaincodeRejection.BadRequest($"'{accountId}' is not a wallet.");

        var periodDays = (int)context.Parameter(GxParameters.VelocityTaxPeriodDays);
        if (!GxRules.IsVelocityTaxDue(wallet.Balance, wallet.IdleSince, context.Now, periodDays))
            throw ChaincodeRejection.Conflict(
                $"Wallet '{accountId}' is not due: it needs more than {GxRules.VelocityTaxFloorQirat} Qirat and {periodDays} idle days; " +
                $"it holds {wallet.Balance} and has been idle since {wallet.IdleSince:O}.");

        var charge = GxRules.ComputeVelocityTax(wallet.Balance);
        var idleDays = (int)(context.Now - wallet.IdleSince).TotalDays;
        context.Accounts.Save(wallet with { IdleSince = context.Now });
        context.Accounts.Move(accountId, GxSupply.TreasuryAccount(wallet.Country), charge.ToTreasury);
        // The charitable pool is credited blindly (AccountBook), so it is not among the event's balances.
        context.Accounts.Move(accountId, GxSupply.CharitablePool, charge.ToCharitable);
        return context.Commit(new VelocityTaxApplied(
            accountId, wallet.Country, charge.RateBps, charge.Tax, charge.ToTreasury, charge.ToCharitable, idleDays,
            context.Accounts.TouchedBalances()));
    }

    /// <summary>
    /// Quotes a fee. Known accounts decide the kind and the countries; when either id is missing or unknown the
    /// transfer is assumed domestic and <c>transactionType</c> (TRANSFER, ORGANIZATION, SYSTEM) decides who pays.
    /// </summary>
    private static ChaincodeResponse CalculateTransactionFee(ChaincodeContext context, ChaincodeArgs args)
    {
        args.ExpectCount(1, 4);
        var amount = args.Qirat(0, "amountQirat");
        var from = args.OptionalAccount(1, "fromUserId") is { } fromId ? context.Accounts.Find(fromId) : null;
        var to = args.OptionalAccount(2, "toUserId") is { } toId ? context.Accounts.Find(toId) : null;
        var type = args.Text(3, "transactionType", 32, required: false).ToUpperInvariant();
        if (type.Length == 0) type = GxStatuses.TransactionTransfer;

        FeeQuote quote;
        bool sameCountry;
        if (from is not null && to is not null)
        {
            sameCountry = from.Country is not null && from.Country == to.Country;
            quote = TransferExecutor.QuoteBetween(context, from, to, amount);
        }
        else
        {
            var kind = type switch
            {
                GxStatuses.TransactionTransfer => TransferKind.PersonToPerson,
                GxStatuses.TransactionOrganization => TransferKind.Organization,
                GxStatuses.TransactionSystem => TransferKind.System,
                _ => throw ChaincodeRejection.BadRequest($"transactionType must be TRANSFER, ORGANIZATION or SYSTEM; got '{type}'."),
            };
            sameCountry = true;
            quote = GxRules.QuoteTransferFee(amount, sameCountry, kind, (int)context.Parameter(GxParameters.TransactionFeeBps));
        }
        return ChaincodeContext.Answer(new FeeQuoteResult(
            amount, type, sameCountry, quote.FeeBps, quote.Fee, quote.FeeFromSender, quote.FeeFromReceiver,
            amount - quote.FeeFromReceiver, amount + quote.FeeFromSender));
    }
}
