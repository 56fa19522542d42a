using GxProtocol.DevLedger.Chaincode.State;
using GxProtocol.Fabric.Contract;

namespace GxProtocol.DevLedger.Chaincode;

/// <summary>
/// Balance movements of one transaction. Every saved account is remembered so the event can carry the resulting
/// balance of each account the transaction touched. Money only moves between accounts here: nothing is minted
/// after bootstrap, which keeps the sum of all balances equal to the total supply.
/// </summary>
internal sealed class AccountBook(ChaincodeContext context)
{
    private readonly SortedDictionary<string, long> touched = new(StringComparer.Ordinal);

    public AccountState? Find(string account) => context.Read<AccountState>(StateKeys.Account(account));

    public AccountState Require(string account) =>
        Find(account) ?? throw ChaincodeRejection.NotFound($"Account '{account}' does not exist on the ledger.");

    public void Save(AccountState account)
    {
        context.Write(StateKeys.Account(account.Account), account);
        touched[account.Account] = account.Balance;
    }

    /// <summary>Moves <paramref name="amount"/> between two accounts; the source must hold it.</summary>
    public void Move(string from, string to, long amount)
    {
        if (amount == 0) return;
        var source = Require(from);
        if (source.Balance < amount)
            throw ChaincodeRejection.Conflict($"Insufficient balance in '{from}': {amount} Qirat needed, {source.Balance} available.");
        Save(source with { Balance = source.Balance - amount });
        var target = Require(to);
        Save(target with { Balance = checked(target.Balance + amount) });
    }

    /// <summary>The resulting balances of every account saved in this transaction, by account name.</summary>
    public IReadOnlyList<AccountBalance> TouchedBalances() =>
        touched.Select(entry => new AccountBalance(entry.Key, entry.Value)).ToList();
}
