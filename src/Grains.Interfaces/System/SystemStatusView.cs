namespace GxProtocol.Grains.Interfaces.System;

/// <summary>What the ledger has told the system grain about the system as a whole.</summary>
[GenerateSerializer, Immutable, Alias("gx.SystemStatusView")]
public sealed record SystemStatusView(
    [property: Id(0)] bool Bootstrapped,
    [property: Id(1)] bool Paused,
    [property: Id(2)] string? PauseReason,
    [property: Id(3)] long TotalSupply,
    [property: Id(4)] IReadOnlyDictionary<string, long> Pools,
    [property: Id(5)] IReadOnlyList<CountryView> Countries,
    [property: Id(6)] long UsersOnChain);
