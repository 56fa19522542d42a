namespace GxProtocol.Contract;

/// <summary>A genesis paid after registration (CreateUser pays it directly when it can; this one catches up).</summary>
[Party(LedgerPartyKind.System)]
public sealed record GenesisDistributed(
    [property: Party(LedgerPartyKind.User)] string UserId,
    string Nationality,
    int GenesisPhase,
    long GenesisAmount,
    long TreasuryAmount,
    [property: Party(LedgerPartyKind.Account)] IReadOnlyList<AccountBalance> Balances) : ILedgerEvent;

public sealed record WalletFrozen([property: Party(LedgerPartyKind.User)] string UserId, string Reason) : ILedgerEvent;

public sealed record WalletUnfrozen([property: Party(LedgerPartyKind.User)] string UserId) : ILedgerEvent;
