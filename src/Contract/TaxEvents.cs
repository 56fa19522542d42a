namespace GxProtocol.Contract;

/// <summary>
/// A velocity tax charged to an idle wallet. <paramref name="Balances"/> holds the wallet and the national treasury
/// but not the charitable pool: the pool is credited <paramref name="ToCharitable"/> without being read, and its
/// balance is known only to TokenomicsContract:GetBalance.
/// </summary>
public sealed record VelocityTaxApplied(
    [property: Party(LedgerPartyKind.TaxAccount)] string AccountId,
    string Country,
    int RateBps,
    long Tax,
    long ToTreasury,
    long ToCharitable,
    int IdleDays,
    [property: Party(LedgerPartyKind.Account)] IReadOnlyList<AccountBalance> Balances) : ILedgerEvent;
