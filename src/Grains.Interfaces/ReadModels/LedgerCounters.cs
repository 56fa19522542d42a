namespace GxProtocol.Grains.Interfaces.ReadModels;

/// <summary>Totals over the whole ledger.</summary>
[GenerateSerializer, Immutable, Alias("gx.LedgerCounters")]
public sealed record LedgerCounters(
    [property: Id(0)] long TotalSupply,
    [property: Id(1)] long Users,
    [property: Id(2)] long Organizations,
    [property: Id(3)] long Loans,
    [property: Id(4)] long Proposals,
    [property: Id(5)] long Transfers);
