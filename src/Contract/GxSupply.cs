namespace GxProtocol.Contract;

/// <summary>
/// The fixed coin supply and the system pools it is minted into at bootstrap. Pool and treasury account
/// names carry a prefix (<c>pool:</c>, <c>treasury:</c>) so they can never collide with a user or organization id.
/// </summary>
public static class GxSupply
{
    public const long TotalSupplyQirat = 1_250_000_000_000L * GxChaincode.QiratPerCoin;

    public const string UserGenesisPool = "pool:userGenesis";
    public const string LoanPool = "pool:loan";
    public const string CharitablePool = "pool:charitable";
    public const string GovernmentGenesisPool = "pool:governmentGenesis";
    public const string GxPool = "pool:gx";
    public const string OperationsFundPool = "pool:operationsFund";

    public const string PoolPrefix = "pool:";
    public const string TreasuryPrefix = "treasury:";

    /// <summary>Every pool with its bootstrap allocation; the allocations add up to <see cref="TotalSupplyQirat"/>.</summary>
    public static IReadOnlyList<AccountBalance> InitialPools { get; } =
    [
        new(UserGenesisPool, 577_500_000_000L * GxChaincode.QiratPerCoin),
        new(LoanPool, 312_500_000_000L * GxChaincode.QiratPerCoin),
        new(CharitablePool, 158_000_000_000L * GxChaincode.QiratPerCoin),
        new(GovernmentGenesisPool, 152_000_000_000L * GxChaincode.QiratPerCoin),
        new(GxPool, 31_250_000_000L * GxChaincode.QiratPerCoin),
        new(OperationsFundPool, 18_750_000_000L * GxChaincode.QiratPerCoin),
    ];

    /// <summary>The account name of a country's national treasury.</summary>
    public static string TreasuryAccount(string countryCode) => TreasuryPrefix + countryCode;

    public static bool IsSystemAccount(string account) =>
        account.StartsWith(PoolPrefix, StringComparison.Ordinal) || account.StartsWith(TreasuryPrefix, StringComparison.Ordinal);

    public static long Coins(decimal coins) => checked((long)(coins * GxChaincode.QiratPerCoin));
}
