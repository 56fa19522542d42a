namespace GxProtocol.Grains.Interfaces.ReadModels;

/// <summary>What the ledger did for one country: users registered, genesis paid to them, its treasury.</summary>
[GenerateSerializer, Immutable, Alias("gx.CountryStats")]
public sealed record CountryStats(
    [property: Id(0)] string CountryCode,
    [property: Id(1)] long Users,
    [property: Id(2)] long GenesisPaid,
    [property: Id(3)] long TreasuryBalance,
    [property: Id(4)] bool TreasuryActive);
