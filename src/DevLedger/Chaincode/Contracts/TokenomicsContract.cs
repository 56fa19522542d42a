using GxProtocol.Contract;
using GxProtocol.DevLedger.Chaincode.State;
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

    private static ChaincodeResponse TransferWithFees(ChaincodeContext context, ContractArgs args)
    {
        var request = TransferWithFeesArgs.Parse(args);
        var (from, to, amount, remark, commandId) = (request.From, request.To, request.AmountQirat, request.Remark ?? "", request.CommandId ?? "");
        context.RequireKnownRole();
        if (from.StartsWith(GxSupply.TreasuryPrefix, StringComparison.Ordinal))
        {
            context.RequireAdministrator();
        }

        // The backend derives the transaction id from the command id already; this second guard also stops a
        // command resubmitted under a fresh transaction id from moving money twice.
        if (commandId.Length > 0)
        {
            if (context.Exists(StateKeys.TransferCommand(commandId)))
            {
                throw ChaincodeRejection.Conflict($"Transfer command '{commandId}' was already applied.");
            }

            context.Write(StateKeys.TransferCommand(commandId), new TransferCommandState(commandId, context.TransactionId));
        }

        var fees = TransferExecutor.Execute(context, from, to, amount);
        return context.Commit(new TransferWithFeesCompleted(
            commandId, from, to, amount, fees.Fee, fees.FeeFromSender, fees.FeeFromReceiver, fees.NetReceived, fees.FeeBps,
            remark, context.Accounts.TouchedBalances()));
    }

    /// <summary>Pays a registered user's genesis if they did not get it at registration; the optional age updates the stored one.</summary>
    private static ChaincodeResponse DistributeGenesis(ChaincodeContext context, ContractArgs args)
    {
        var (userId, age) = DistributeGenesisArgs.Parse(args);
        context.RequireSuperAdmin();
        context.RequireOperational();
        var user = context.Require<UserState>(StateKeys.User(userId), $"User '{userId}' does not exist.");
        if (age is { } currentAge)
        {
            user = user with { Age = currentAge };
        }

        var allocation = GenesisPayer.TryPay(context, ref user, out var whyNot) ?? throw ChaincodeRejection.Conflict(whyNot);
        context.Write(StateKeys.User(userId), user);
        return context.Commit(new GenesisDistributed(
            userId, user.Nationality, allocation.Phase, allocation.UserAmountQirat, allocation.TreasuryAmountQirat,
            context.Accounts.TouchedBalances()));
    }

    private static ChaincodeResponse FreezeWallet(ChaincodeContext context, ContractArgs args)
    {
        var request = FreezeWalletArgs.Parse(args);
        var reason = request.Reason ?? "";
        context.RequireAdministrator();
        var wallet = RequireWallet(context, request.UserId);
        if (wallet.Frozen)
        {
            throw ChaincodeRejection.Conflict($"Wallet '{wallet.Account}' is already frozen.");
        }

        context.Accounts.Save(wallet with { Frozen = true });
        return context.Commit(new WalletFrozen(wallet.Account, reason));
    }

    private static ChaincodeResponse UnfreezeWallet(ChaincodeContext context, ContractArgs args)
    {
        var userId = UnfreezeWalletArgs.Parse(args).UserId;
        context.RequireAdministrator();
        var wallet = RequireWallet(context, userId);
        if (!wallet.Frozen)
        {
            throw ChaincodeRejection.Conflict($"Wallet '{wallet.Account}' is not frozen.");
        }

        context.Accounts.Save(wallet with { Frozen = false });
        return context.Commit(new WalletUnfrozen(wallet.Account));
    }

    private static ChaincodeResponse GetBalance(ChaincodeContext context, ContractArgs args)
    {
        var account = context.Accounts.Require(GetBalanceArgs.Parse(args).Account);
        return ChaincodeContext.Answer(new BalanceQueryResult(account.Account, account.Kind, account.Balance, account.Frozen, account.Country));
    }

    private static AccountState RequireWallet(ChaincodeContext context, string accountId)
    {
        var wallet = context.Accounts.Require(accountId);
        return wallet.IsWallet ? wallet : throw ChaincodeRejection.BadRequest($"'{accountId}' is not a wallet.");
    }
}
