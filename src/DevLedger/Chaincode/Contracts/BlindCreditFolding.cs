using GxProtocol.Contract;
using GxProtocol.DevLedger.Chaincode.State;
using Admin = GxProtocol.Contract.GxChaincode.Admin;

namespace GxProtocol.DevLedger.Chaincode.Contracts;

/// <summary>
/// AdminContract's compaction of blind credits (see <see cref="AccountBook.CreditWithoutRead"/>): every fee writes a
/// key of its own, and a pool's balance is its base plus those keys, so without folding every read of the pool would
/// scan every fee ever charged. The backend lists the unfolded keys (an evaluate) and folds exactly those keys (a
/// submit), reading them one by one: a range read in the fold would make it invalid whenever a fee commits in the
/// same block, which under steady traffic is nearly always.
/// </summary>
internal static class BlindCreditFolding
{
    public static IEnumerable<(string Function, ChaincodeHandler Handler)> Functions =>
    [
        (Admin.GetBlindCredits, GetBlindCredits),
        (Admin.FoldBlindCredits, FoldBlindCredits),
    ];

    private static ChaincodeResponse GetBlindCredits(ChaincodeContext context, ContractArgs args)
    {
        var request = GetBlindCreditsArgs.Parse(args);
        context.RequireAdministrator();
        var account = BlindlyCreditedPool(request.Account);
        var limit = request.Limit ?? GxChaincode.MaxCreditsPerFold;
        var credits = context.ReadPrefix<AccountCreditState>(StateKeys.CreditsOf(account)).Take(limit).ToList();
        return ChaincodeContext.Answer(new BlindCreditsResult(
            account, credits.Select(credit => credit.TransactionId).ToList(), credits.Sum(credit => credit.Amount)));
    }

    private static ChaincodeResponse FoldBlindCredits(ChaincodeContext context, ContractArgs args)
    {
        var request = FoldBlindCreditsArgs.Parse(args);
        context.RequireAdministrator();
        var account = BlindlyCreditedPool(request.Account);
        var transactionIds = request.TransactionIds;
        context.RequireBootstrapped();
        // The stored base alone: AccountBook.Find would add (and range-read) the credits this fold moves.
        var stored = context.Require<AccountState>(StateKeys.Account(account), $"Account '{account}' does not exist on the ledger.");

        var folded = 0;
        var amount = 0L;
        foreach (var transactionId in transactionIds)
        {
            var key = StateKeys.Credit(account, transactionId);
            if (context.Read<AccountCreditState>(key) is not { } credit)
            {
                continue;
            }

            amount = checked(amount + credit.Amount);
            folded++;
            context.Delete(key);
        }
        context.Write(StateKeys.Account(account), stored with { Balance = checked(stored.Balance + amount) });
        return context.Commit(new BlindCreditsFolded(account, folded, amount));
    }

    private static string BlindlyCreditedPool(string account) =>
        AccountBook.IsCreditedBlindly(account) ? account
            : throw ChaincodeRejection.BadRequest($"account must be a blindly credited pool ({GxSupply.OperationsFundPool} or {GxSupply.CharitablePool}); got '{account}'.");
}
