using GxProtocol.Contract;
using GxProtocol.DevLedger.Chaincode.State;

namespace GxProtocol.DevLedger.Chaincode;

/// <summary>
/// The one place money moves between wallets with fees (TransferWithFees and multi-signature transfers): checks
/// frozen and missing accounts, quotes the fee with <see cref="GxRules"/>, debits the sender amount + its fee
/// share, credits the receiver amount - its share and the operations fund the whole fee (blindly, without reading
/// the fund, so the fund is not among the touched balances of the transfer's event).
/// </summary>
internal static class TransferExecutor
{
    public static TransferFees Execute(ChaincodeContext context, string from, string to, long amount)
    {
        context.RequireOperational();
        if (from == to)
        {
            throw ChaincodeRejection.BadRequest("A transfer needs two different accounts.");
        }

        var accounts = context.Accounts;
        var sender = accounts.Require(from);
        var receiver = accounts.Require(to);
        RequireCanSend(sender);
        if (receiver.Frozen)
        {
            throw ChaincodeRejection.Forbidden($"Wallet '{to}' is frozen; it cannot receive transfers.");
        }

        var quote = QuoteBetween(context, sender, receiver, amount);
        var debit = amount + quote.FeeFromSender;
        if (sender.Balance < debit)
        {
            throw ChaincodeRejection.Conflict($"Insufficient balance in '{from}': {debit} Qirat needed (amount {amount} + fee {quote.FeeFromSender}), {sender.Balance} available.");
        }

        // An outgoing transfer restarts the sender's velocity-tax clock.
        accounts.Save(sender with { Balance = sender.Balance - debit, IdleSince = sender.IsWallet ? context.Now : sender.IdleSince });
        var netReceived = amount - quote.FeeFromReceiver;
        accounts.Save(receiver with { Balance = checked(receiver.Balance + netReceived) });
        // Every fee-paying transfer credits the fund: a blind credit keeps it out of their read sets, so transfers
        // between unrelated wallets never invalidate each other on it (see AccountBook.CreditWithoutRead).
        accounts.CreditWithoutRead(GxSupply.OperationsFundPool, quote.Fee);
        return new TransferFees(quote.FeeBps, quote.Fee, quote.FeeFromSender, quote.FeeFromReceiver, netReceived);
    }

    public static FeeQuote QuoteBetween(ChaincodeContext context, AccountState sender, AccountState receiver, long amount)
    {
        var kind = GxRules.KindOf(
            sender.Account, sender.Kind == AccountState.OrganizationKind,
            receiver.Account, receiver.Kind == AccountState.OrganizationKind);
        var sameCountry = sender.Country is not null && sender.Country == receiver.Country;
        var standardBps = (int)context.Parameter(GxParameters.TransactionFeeBps);
        return GxRules.QuoteTransferFee(amount, sameCountry, kind, standardBps);
    }

    private static void RequireCanSend(AccountState sender)
    {
        switch (sender.Kind)
        {
            case AccountState.PoolKind:
                throw ChaincodeRejection.Forbidden($"Pool '{sender.Account}' moves money only through the contract rules (genesis, loans, taxes).");
            case AccountState.TreasuryKind when !sender.Active:
                throw ChaincodeRejection.Conflict($"Treasury '{sender.Account}' is not activated (AdminContract:ActivateTreasuryAccount).");
        }
        if (sender.Frozen)
        {
            throw ChaincodeRejection.Forbidden($"Wallet '{sender.Account}' is frozen; it cannot send transfers.");
        }
    }
}
