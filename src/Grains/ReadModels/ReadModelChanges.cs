using GxProtocol.Grains.Interfaces.ReadModels;

namespace GxProtocol.Grains.ReadModels;

/// <summary>The rows one ledger event adds to the read models; the store writes them with its checkpoint at once.</summary>
public sealed record ReadModelChanges(IReadOnlyList<WalletLine> WalletLines)
{
    public static readonly ReadModelChanges None = new([]);
}

/// <summary>A wallet history line of one user; <see cref="WalletTransactionView.Sequence"/> is assigned by the store.</summary>
public sealed record WalletLine(Guid UserId, WalletTransactionView Line);
