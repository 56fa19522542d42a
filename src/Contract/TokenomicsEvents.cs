namespace GxProtocol.Contract;

/// <summary>A genesis paid after registration (CreateUser pays it directly when it can; this one catches up).</summary>
public sealed record GenesisDistributed(
    string UserId,
    string Nationality,
    int GenesisPhase,
    long GenesisAmount,
    long TreasuryAmount,
    IReadOnlyList<AccountBalance> Balances);

public sealed record WalletFrozen(string UserId, string Reason);

public sealed record WalletUnfrozen(string UserId);
