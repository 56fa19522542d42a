using GxProtocol.Grains.Interfaces.ReadModels;
using Orleans.Concurrency;

namespace GxProtocol.Grains.ReadModels;

[StatelessWorker]
public sealed class ReadModelQueryGrain(IReadModelStore store) : Grain, IReadModelQueryGrain
{
    public Task<Page<WalletTransactionView>> GetWalletTransactionsAsync(Guid userId, string? cursor, int limit) =>
        store.GetWalletTransactionsAsync(userId, cursor, limit);
}
