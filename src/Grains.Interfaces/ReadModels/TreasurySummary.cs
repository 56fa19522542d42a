namespace GxProtocol.Grains.Interfaces.ReadModels;

/// <summary>A national treasury: its balance in Qirat and whether it may send.</summary>
[GenerateSerializer, Immutable, Alias("gx.TreasurySummary")]
public sealed record TreasurySummary(
    [property: Id(0)] string CountryCode,
    [property: Id(1)] long Balance,
    [property: Id(2)] bool Active);
