namespace GxProtocol.Grains.Interfaces.ReadModels;

/// <summary>Reads the read models from whichever silo answers; stateless, so every silo serves queries locally.</summary>
[Alias("gx.IReadModelQueryGrain")]
public interface IReadModelQueryGrain : IGrainWithIntegerKey
{
    [Alias("GetWalletTransactions")]
    Task<Page<WalletTransactionView>> GetWalletTransactionsAsync(Guid userId, string? cursor, int limit);
}
