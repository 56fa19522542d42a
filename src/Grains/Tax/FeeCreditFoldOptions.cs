namespace GxProtocol.Grains.Tax;

/// <summary>Configuration section <c>Gx:FeeCredits</c>, checked by <see cref="FeeCreditFoldOptionsValidator"/>.</summary>
public sealed class FeeCreditFoldOptions
{
    public const string SectionName = "Gx:FeeCredits";

    public static readonly TimeSpan DefaultFoldInterval = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often the pools' blind credit keys are folded into their balances. A balance read of the operations fund
    /// scans the fee keys written since the last fold, so this bounds that scan by the fees of one interval.
    /// </summary>
    public TimeSpan FoldInterval { get; set; } = DefaultFoldInterval;
}
