using GxProtocol.Grains.Interfaces.ReadModels;
using Orleans.Concurrency;

namespace GxProtocol.Grains.ReadModels;

[StatelessWorker]
public sealed class ReadModelQueryGrain(IReadModelStore store) : Grain, IReadModelQueryGrain
{
    private readonly ReadModelQueries _queries = new(store);

    public Task<Page<WalletTransactionView>> GetWalletTransactionsAsync(Guid userId, string? cursor, int limit) =>
        _queries.GetWalletTransactionsAsync(userId, cursor, limit);

    public Task<Page<LoanSummary>> GetLoansOfBorrowerAsync(Guid borrowerId, string? cursor, int limit) =>
        _queries.GetLoansOfBorrowerAsync(borrowerId, cursor, limit);

    public Task<Page<ProposalSummary>> GetProposalsAsync(string? status, string? cursor, int limit) =>
        _queries.GetProposalsAsync(status, cursor, limit);

    public Task<Page<MultiSigTxSummary>> GetPendingMultiSigTxsAsync(string orgId, string? cursor, int limit) =>
        _queries.GetPendingMultiSigTxsAsync(orgId, cursor, limit);

    public Task<MultiSigTxSummary?> GetMultiSigTxAsync(Guid pendingTxId) => _queries.GetMultiSigTxAsync(pendingTxId);

    public Task<Page<OrganizationSummary>> GetOrganizationsOfMemberAsync(Guid userId, string? cursor, int limit) =>
        _queries.GetOrganizationsOfMemberAsync(userId, cursor, limit);

    public Task<TreasurySummary?> GetTreasuryAsync(string countryCode) => _queries.GetTreasuryAsync(countryCode);

    public Task<CountryStats> GetCountryStatsAsync(string countryCode) => _queries.GetCountryStatsAsync(countryCode);

    public Task<LedgerCounters> GetCountersAsync() => _queries.GetCountersAsync();
}
