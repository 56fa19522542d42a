using GxProtocol.Fabric.Contract;

namespace GxProtocol.DevLedger.Chaincode;

/// <summary>
/// World-state keys. Ids never contain ':' (see <see cref="ChaincodeArgs"/>), so a prefix plus an id is unambiguous.
/// Pool and treasury account names are already prefixed and serve as their own keys; user and organization wallets
/// live under <c>wallet:</c>.
/// </summary>
internal static class StateKeys
{
    public const string System = "system";
    public const string WalletPrefix = "wallet:";
    public const string CountryPrefix = "country:";

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

    /// <summary>The exclusive end key of a prefix range: the prefix with its last character incremented.</summary>
    public static string EndOf(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
