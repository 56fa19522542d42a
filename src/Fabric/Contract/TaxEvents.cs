namespace GxProtocol.Fabric.Contract;

public sealed record VelocityTaxApplied(
    string AccountId,
    string Country,
    int RateBps,
    long Tax,
    long ToTreasury,
    long ToCharitable,
    int IdleDays,
    IReadOnlyList<AccountBalance> Balances);
