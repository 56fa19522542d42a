using GxProtocol.DevLedger.Chaincode.State;
using GxProtocol.Contract;
using Tokenomics = GxProtocol.Contract.GxChaincode.Tokenomics;

namespace GxProtocol.DevLedger.Chaincode.Contracts;

/// <summary>TokenomicsContract: transfers with fees, late genesis, wallet freezing and balance queries.</summary>
internal static class TokenomicsContract
{
    public static IEnumerable<(string Function, ChaincodeHandler Handler)> Functions =>
    [
        (Tokenomics.TransferWithFees, TransferWithFees),
        (Tokenomics.DistributeGenesis, DistributeGenesis),
        (Tokenomics.FreezeWallet, FreezeWallet),
        (Tokenomics.UnfreezeWallet, UnfreezeWallet),
        (Tokenomics.GetBalance, GetBalance),
    ];

    private static ChaincodeResponse TransferWithFees(ChaincodeContext context, ChaincodeArgs args)
    {
        args.ExpectCount(3, 5);
        context.RequireKnownRole();
        var from = args.Account(0, "fromUserId");
        var to = args.Account(1, "toUserId");
        var amount = args.Qirat(2, "amountQirat");
        var remark = args.Text(3, "remark", 500, required: false);
        var commandId = args.OptionalId(4, "commandId") ?? "";
        if (from.StartsWith(GxSupply.TreasuryPrefix, StringComparison.Ordinal)) context.RequireAdministrator();

        // The backend derives the transaction id from the command id already; this second guard also stops a
        // command resubmitted under a fresh transaction id from moving money twice.
        if (commandId.Length > 0)
        {
            if (context.Exists(StateKeys.TransferCommand(commandId)))
                throw ChaincodeRejection.Conflict($"Transfer command '{commandId}' was already applied.");
            context.Write(StateKeys.TransferCommand(commandId), new TransferCommandState(commandId, context.TransactionId));
        }

        var fees = TransferExecutor.Execute(context, from, to, amount);
        return context.Commit(new TransferWithFeesCompleted(
            commandId, from, to, amount, fees.Fee, fees.FeeFromSender, fees.FeeFromReceiver, fees.NetReceived, fees.FeeBps,
            remark, context.Accounts.TouchedBalances()));
    }

    /// <summary>Pays a registered user's genesis if they did not get it at registration; the optional age updates the stored one.</summary>
    private static ChaincodeResponse DistributeGenesis(ChaincodeContext context, ChaincodeArgs args)
    {
        args.ExpectCount(1, 2);
        context.RequireSuperAdmin();
        var userId = args.Id(0, "userId");
        var age = args.OptionalInt(1, "age", 0, 150);
        context.RequireOperational();
        var user = context.Require<UserState>(StateKeys.User(userId), $"User '{userId}' does not exist.");
        if (age is { } currentAge) user = user with { Age = currentAge };
        var allocation = GenesisPayer.TryPay(context, ref user, out var whyNot) ?? throw ChaincodeRejection.Conflict(whyNot);
        context.Write(StateKeys.User(userId), user);
        return context.Commit(new GenesisDistributed(
            userId, user.Nationality, allocation.Phase, allocation.UserAmountQirat, allocation.TreasuryAmountQirat,
            context.Accounts.TouchedBalances()));
    }

    private static ChaincodeResponse FreezeWallet(ChaincodeContext context, ChaincodeArgs args)
    {
        args.ExpectCount(1, 2);
        context.RequireAdministrator();
        var wallet = RequireWallet(context, args.Id(0, "userId"));
        var reason = args.Text(1, "reason", 500, required: false);
        if (wallet.Frozen) throw ChaincodeRejection.Conflict($"Wallet '{wallet.Account}' is already frozen.");
        context.Accounts.Save(wallet with { Frozen = true });
        return context.Commit(new WalletFrozen(wallet.Account, reason));
    }

    private static ChaincodeResponse UnfreezeWallet(ChaincodeContext context, ChaincodeArgs args)
    {
        args.ExpectCount(1, 1);
        context.RequireAdministrator();
        var wallet = RequireWallet(context, args.Id(0, "userId"));
        if (!wallet.Frozen) throw ChaincodeRejection.Conflict($"Wallet '{wallet.Account}' is not frozen.");
        context.Accounts.Save(wallet with { Frozen = false });
        return context.Commit(new WalletUnfrozen(wallet.Account));
    }

    private static ChaincodeResponse GetBalance(ChaincodeContext context, ChaincodeArgs args)
    {
        args.ExpectCount(1, 1);
        var account = context.Accounts.Require(args.Account(0, "account"));
        return ChaincodeContext.Answer(new BalanceQueryResult(account.Account, account.Kind, account.Balance, account.Frozen, account.Country));
    }

    private static AccountState RequireWallet(ChaincodeContext context, string accountId)
    {
        var wallet = context.Accounts.Require(accountId);
        return wallet.IsWallet ? wallet : throw ChaincodeRejection.BadRequest($"'{accountId}' is not a wallet.");
    }
}
