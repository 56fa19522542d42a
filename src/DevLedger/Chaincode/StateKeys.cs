using GxProtocol.Contract;

namespace GxProtocol.DevLedger.Chaincode;

/// <summary>
/// World-state keys. Ids never contain ':' (see <see cref="ContractArgs"/>), so a prefix plus an id is unambiguous.
/// Pool and treasury account names are already prefixed and serve as their own keys; user and organization wallets
/// live under <c>wallet:</c>.
/// </summary>
internal static class StateKeys
{
    public const string System = "system";
    public const string WalletPrefix = "wallet:";
    public const string CountryPrefix = "country:";
    public const string CreditPrefix = "credit:";

    public static string Account(string account) =>
        GxSupply.IsSystemAccount(account) ? account : WalletPrefix + account;

    public static string User(string userId) => "user:" + userId;
    public static string Country(string countryCode) => CountryPrefix + countryCode;
    public static string Organization(string orgId) => "org:" + orgId;
    public static string MultiSigTx(string pendingTxId) => "multisig:" + pendingTxId;
    public static string Loan(string loanId) => "loan:" + loanId;
    public static string Proposal(string proposalId) => "proposal:" + proposalId;
    public static string Vote(string proposalId, string voterId) => "vote:" + proposalId + ":" + voterId;
    public static string Parameter(string name) => "param:" + name;
    public static string Admin(string adminId) => "admin:" + adminId;
    public static string TransferCommand(string commandId) => "transfer:" + commandId;

    /// <summary>
    /// The range holding every blind credit of <paramref name="account"/>. It ends with ':' so the credits of
    /// an account whose name merely starts with this one's (pool:gx and a hypothetical pool:gxReserve) stay apart.
    /// </summary>
    public static string CreditsOf(string account) => CreditPrefix + Account(account) + ":";

    /// <summary>The one credit key a transaction writes for <paramref name="account"/>: unique because transaction ids are.</summary>
    public static string Credit(string account, string transactionId) => CreditsOf(account) + transactionId;

    /// <summary>The exclusive end key of a prefix range: the prefix with its last character incremented.</summary>
    public static string EndOf(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
