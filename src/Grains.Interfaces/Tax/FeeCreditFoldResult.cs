namespace GxProtocol.Grains.Interfaces.Tax;

/// <summary>What one fold did: the credit keys folded and their total in Qirat, over both pools; Skipped when a recent fold made it unnecessary.</summary>
[GenerateSerializer, Immutable, Alias("gx.FeeCreditFoldResult")]
public sealed record FeeCreditFoldResult(
    [property: Id(0)] int Credits,
    [property: Id(1)] long Amount,
    [property: Id(2)] DateTimeOffset FinishedAt,
    [property: Id(3)] bool Skipped);
