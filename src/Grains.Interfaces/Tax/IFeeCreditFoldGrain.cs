namespace GxProtocol.Grains.Interfaces.Tax;

/// <summary>
/// Folds the blind fee and tax credit keys of the operations fund and the charitable pool into their stored balances
/// (AdminContract:FoldBlindCredits), so the ledger's balance reads of those pools scan only what accrued since the last
/// fold. Key 0: one activation in the cluster, woken by every silo's timer (Gx:FeeCredits:FoldInterval).
/// </summary>
[Alias("gx.IFeeCreditFoldGrain")]
public interface IFeeCreditFoldGrain : IGrainWithIntegerKey
{
    /// <summary>Folds every credit key the ledger lists now, unless a fold finished less than half an interval ago.</summary>
    [Alias("Fold")] Task<FeeCreditFoldResult> FoldAsync();

    /// <summary>The outcome of the latest fold, or null before the first.</summary>
    [Alias("GetLast")] Task<FeeCreditFoldResult?> GetLastAsync();
}
