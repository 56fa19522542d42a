using GxProtocol.Contract;
using GxProtocol.DevLedger.Chaincode.State;

namespace GxProtocol.DevLedger.Chaincode;

/// <summary>
/// Balance movements of one transaction. Every saved account is remembered so the event can carry the resulting
/// balance of each account the transaction touched. Money only moves between accounts here: nothing is minted
/// after bootstrap, which keeps the sum of all balances (blind credits included) equal to the total supply.
/// </summary>
internal sealed class AccountBook(ChaincodeContext context)
{
    /// <summary>
    /// Accounts credited by many unrelated transactions (every fee, every velocity tax) and never debited: pools
    /// cannot send (<see cref="TransferExecutor"/>) and no contract rule moves money out of these two. A
    /// read-modify-write of one of them would put it in the read set of each of those transactions, and MVCC
    /// validation would then let only one of them per block be VALID. They are credited blindly instead, each
    /// transaction writing its own key, and their balance is assembled only where it is read.
    /// </summary>
    private static readonly HashSet<string> BlindlyCreditedAccounts = new(StringComparer.Ordinal)
    {
        GxSupply.OperationsFundPool,
        GxSupply.CharitablePool,
    };

    public static bool IsCreditedBlindly(string account) => BlindlyCreditedAccounts.Contains(account);

    private readonly SortedDictionary<string, long> _touched = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _creditsOfThisTransaction = new(StringComparer.Ordinal);

    /// <summary>
    /// The account with its full balance. For a blindly credited account that means its base plus its credit keys
    /// (a range read, so a transaction doing this conflicts only with a credit committed before it in its block).
    /// </summary>
    public AccountState? Find(string account)
    {
        var stored = context.Read<AccountState>(StateKeys.Account(account));
        if (stored is null || !BlindlyCreditedAccounts.Contains(account))
        {
            return stored;
        }

        var credits = context.ReadPrefix<AccountCreditState>(StateKeys.CreditsOf(account)).Sum(credit => credit.Amount);
        return stored with { Balance = checked(stored.Balance + credits), FoldedCredits = credits };
    }

    public AccountState Require(string account) =>
        Find(account) ?? throw ChaincodeRejection.NotFound($"Account '{account}' does not exist on the ledger.");

    public void Save(AccountState account)
    {
        // The credit keys folded into the balance stay where they are, so only the rest belongs in the base.
        context.Write(StateKeys.Account(account.Account), account with { Balance = account.Balance - account.FoldedCredits, FoldedCredits = 0 });
        _touched[account.Account] = account.Balance;
    }

    /// <summary>
    /// Credits <paramref name="amount"/> to a blindly credited account without reading it: the transaction writes
    /// <c>credit:{account}:{transaction id}</c> and nothing else, so any number of such transactions commit in one
    /// block. Two credits to the same account in one transaction add up in that one key. The account is not among
    /// <see cref="TouchedBalances"/>: its resulting balance is unknown without the read this avoids. Its existence
    /// is not checked either; these pools exist from bootstrap on, which every money-moving function requires.
    /// </summary>
    public void CreditWithoutRead(string account, long amount)
    {
        if (!BlindlyCreditedAccounts.Contains(account))
        {
            throw new InvalidOperationException($"'{account}' is not credited blindly: Find would not count the credit in its balance.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (amount == 0)
        {
            return;
        }

        var total = checked(_creditsOfThisTransaction.GetValueOrDefault(account) + amount);
        _creditsOfThisTransaction[account] = total;
        context.Write(StateKeys.Credit(account, context.TransactionId), new AccountCreditState(account, context.TransactionId, total));
    }

    /// <summary>Moves <paramref name="amount"/> between two accounts; the source must hold it.</summary>
    public void Move(string from, string to, long amount)
    {
        if (amount == 0)
        {
            return;
        }

        var source = Require(from);
        if (source.Balance < amount)
        {
            throw ChaincodeRejection.Conflict($"Insufficient balance in '{from}': {amount} Qirat needed, {source.Balance} available.");
        }

        Save(source with { Balance = source.Balance - amount });
        if (BlindlyCreditedAccounts.Contains(to))
        {
            CreditWithoutRead(to, amount);
            return;
        }
        var target = Require(to);
        Save(target with { Balance = checked(target.Balance + amount) });
    }

    /// <summary>
    /// The resulting balances of every account saved in this transaction, by account name. Blindly credited
    /// accounts appear only when the transaction read and saved them, never for a mere credit.
    /// </summary>
    public IReadOnlyList<AccountBalance> TouchedBalances() =>
        _touched.Select(entry => new AccountBalance(entry.Key, entry.Value)).ToList();
}
