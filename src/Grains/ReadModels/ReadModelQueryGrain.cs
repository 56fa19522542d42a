using GxProtocol.Grains.Interfaces.ReadModels;
using Orleans.Concurrency;

namespace GxProtocol.Grains.ReadModels;

[StatelessWorker]
public sealed class ReadModelQueryGrain(IReadModelStore store) : Grain, IReadModelQueryGrain
{
    public Task<Page<WalletTransactionView>> GetWalletTransactionsAsync(Guid userId, string? cursor, int limit) =>
        store.GetWalletTransactionsAsync(userId, cursor, limit);

    // IN PROGRESS (lead): the document read models land next; these throw until then.
    public Task<Page<LoanSummary>> GetLoansOfBorrowerAsync(Guid borrowerId, string? cursor, int limit) => throw new NotImplementedException();
    public Task<Page<ProposalSummary>> GetProposalsAsync(string? status, string? cursor, int limit) => throw new NotImplementedException();
    public Task<Page<MultiSigTxSummary>> GetPendingMultiSigTxsAsync(string orgId, string? cursor, int limit) => throw new NotImplementedException();
    public Task<MultiSigTxSummary?> GetMultiSigTxAsync(Guid pendingTxId) => throw new NotImplementedException();
    public Task<Page<OrganizationSummary>> GetOrganizationsOfMemberAsync(Guid userId, string? cursor, int limit) => throw new NotImplementedException();
    public Task<TreasurySummary?> GetTreasuryAsync(string countryCode) => throw new NotImplementedException();
    public Task<CountryStats> GetCountryStatsAsync(string countryCode) => throw new NotImplementedException();
    public Task<LedgerCounters> GetCountersAsync() => throw new NotImplementedException();
}
