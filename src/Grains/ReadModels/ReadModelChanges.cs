using GxProtocol.Grains.Interfaces.ReadModels;

namespace GxProtocol.Grains.ReadModels;

/// <summary>
/// What one ledger event changes in the read models: wallet history lines to add, documents to create or patch,
/// counters to move. The store writes them with its checkpoint at once.
/// </summary>
public sealed record ReadModelChanges(
    IReadOnlyList<WalletLine> WalletLines,
    IReadOnlyList<DocumentPatch> Documents,
    IReadOnlyList<CounterDelta> Counters)
{
    public static readonly ReadModelChanges None = new([], [], []);

    public ReadModelChanges(IReadOnlyList<WalletLine> walletLines) : this(walletLines, [], [])
    {
    }

    public bool IsEmpty => WalletLines.Count == 0 && Documents.Count == 0 && Counters.Count == 0;
}

/// <summary>A wallet history line of one user; <see cref="WalletTransactionView.Sequence"/> is assigned by the store.</summary>
public sealed record WalletLine(Guid UserId, WalletTransactionView Line);
