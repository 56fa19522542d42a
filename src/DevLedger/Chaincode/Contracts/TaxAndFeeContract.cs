using GxProtocol.Contract;
using GxProtocol.DevLedger.Chaincode.State;
using Tax = GxProtocol.Contract.GxChaincode.Tax;

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
    private static ChaincodeResponse ApplyVelocityTax(ChaincodeContext context, ContractArgs args)
    {
        var accountId = ApplyVelocityTaxArgs.Parse(args).AccountId;
        context.RequireAdministrator();
        context.RequireOperational();
        var wallet = context.Accounts.Require(accountId);
        if (!wallet.IsWallet || wallet.Country is null)
        {
            throw ChaincodeRejection.BadRequest($"'{accountId}' is not a wallet.");
        }

        var periodDays = (int)context.Parameter(GxParameters.VelocityTaxPeriodDays);
        if (!GxRules.IsVelocityTaxDue(wallet.Balance, wallet.IdleSince, context.Now, periodDays))
        {
            throw ChaincodeRejection.Conflict(
                $"Wallet '{accountId}' is not due: it needs more than {GxRules.VelocityTaxFloorQirat} Qirat and {periodDays} idle days; " +
                $"it holds {wallet.Balance} and has been idle since {wallet.IdleSince:O}.");
        }

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
    /// Quotes a fee. Each side is an account (a user or organization id the ledger knows) or a country code, or
    /// neither; system accounts are refused so a quote never reads a pool (whose balance is assembled from its
    /// credit keys). Two accounts decide the kind as a transfer would; otherwise <c>transactionType</c> does, an
    /// organization on either side making it ORGANIZATION. Two known countries decide the band; a side without one
    /// counts as domestic.
    /// </summary>
    private static ChaincodeResponse CalculateTransactionFee(ChaincodeContext context, ContractArgs args)
    {
        var request = CalculateTransactionFeeArgs.Parse(args);
        var amount = request.AmountQirat;
        var from = QuotedAccount(context, request.FromAccount, "fromUserId", request.FromCountry, "fromCountry", out var fromCountry);
        var to = QuotedAccount(context, request.ToAccount, "toUserId", request.ToCountry, "toCountry", out var toCountry);
        var type = request.TransactionType;

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
            if (kind == TransferKind.PersonToPerson && (from?.Kind == AccountState.OrganizationKind || to?.Kind == AccountState.OrganizationKind))
            {
                kind = TransferKind.Organization;
            }

            sameCountry = fromCountry is null || toCountry is null || fromCountry == toCountry;
            quote = GxRules.QuoteTransferFee(amount, sameCountry, kind, (int)context.Parameter(GxParameters.TransactionFeeBps));
        }
        return ChaincodeContext.Answer(new FeeQuoteResult(
            amount, type, sameCountry, quote.FeeBps, quote.Fee, quote.FeeFromSender, quote.FeeFromReceiver,
            amount - quote.FeeFromReceiver, amount + quote.FeeFromSender));
    }

    /// <summary>One side of a quote: the named wallet (404 when unknown) with its country, or just a country, or neither.</summary>
    private static AccountState? QuotedAccount(
        ChaincodeContext context, string? accountId, string accountName, string? givenCountry, string countryName, out string? country)
    {
        country = givenCountry;
        if (accountId is null)
        {
            return null;
        }

        if (givenCountry is not null)
        {
            throw ChaincodeRejection.BadRequest($"Give {accountName} or {countryName}, not both.");
        }

        if (GxSupply.IsSystemAccount(accountId))
        {
            throw ChaincodeRejection.BadRequest($"{accountName} must be a user or organization id; pools and treasuries are not quoted.");
        }

        var account = context.Accounts.Find(accountId) ?? throw ChaincodeRejection.NotFound($"{accountName} is not an account on the ledger.");
        country = account.Country;
        return account;
    }
}
