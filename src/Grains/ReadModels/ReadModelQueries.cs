using System.Text.Json;
using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.ReadModels;
using Collections = GxProtocol.Grains.ReadModels.ReadModelCollections;
using Counters = GxProtocol.Grains.ReadModels.ReadModelCollections.Counters;

namespace GxProtocol.Grains.ReadModels;

/// <summary>The read models as typed views: documents deserialized, counters combined.</summary>
public sealed class ReadModelQueries(IReadModelStore store)
{
    public Task<Page<WalletTransactionView>> GetWalletTransactionsAsync(Guid userId, string? cursor, int limit) =>
        store.GetWalletTransactionsAsync(userId, cursor, limit);

    public Task<Page<LoanSummary>> GetLoansOfBorrowerAsync(Guid borrowerId, string? cursor, int limit) =>
        ListAsync<LoanSummary>(Collections.Loans, borrowerId.ToString(), null, cursor, limit);

    public Task<Page<ProposalSummary>> GetProposalsAsync(string? status, string? cursor, int limit) =>
        ListAsync<ProposalSummary>(Collections.Proposals, Collections.All, status, cursor, limit);

    public Task<Page<MultiSigTxSummary>> GetPendingMultiSigTxsAsync(string orgId, string? cursor, int limit) =>
        ListAsync<MultiSigTxSummary>(Collections.MultiSigTxs, orgId, GxStatuses.MultiSigPending, cursor, limit);

    public Task<MultiSigTxSummary?> GetMultiSigTxAsync(Guid pendingTxId) => GetAsync<MultiSigTxSummary>(Collections.MultiSigTxs, pendingTxId.ToString());

    public async Task<Page<OrganizationSummary>> GetOrganizationsOfMemberAsync(Guid userId, string? cursor, int limit)
    {
        var memberships = await ListAsync<Membership>(Collections.OrganizationMembers, userId.ToString(), null, cursor, limit);
        var organizations = new List<OrganizationSummary>(memberships.Items.Count);
        foreach (var membership in memberships.Items)
        {
            if (await GetAsync<OrganizationSummary>(Collections.Organizations, membership.OrgId) is { } organization)
            {
                organizations.Add(organization);
            }
        }
        return new Page<OrganizationSummary>(organizations, memberships.NextCursor);
    }

    public Task<TreasurySummary?> GetTreasuryAsync(string countryCode) => GetAsync<TreasurySummary>(Collections.Treasuries, countryCode);

    public async Task<CountryStats> GetCountryStatsAsync(string countryCode)
    {
        var counters = await store.GetCountersAsync([Counters.UsersOf(countryCode), Counters.GenesisPaidIn(countryCode)]);
        var treasury = await GetTreasuryAsync(countryCode);
        return new CountryStats(countryCode, counters[Counters.UsersOf(countryCode)], counters[Counters.GenesisPaidIn(countryCode)],
            treasury?.Balance ?? 0, treasury?.Active ?? false);
    }

    public async Task<LedgerCounters> GetCountersAsync()
    {
        var counters = await store.GetCountersAsync(
            [Counters.TotalSupply, Counters.Users, Counters.Organizations, Counters.Loans, Counters.Proposals, Counters.Transfers]);
        return new LedgerCounters(counters[Counters.TotalSupply], counters[Counters.Users], counters[Counters.Organizations],
            counters[Counters.Loans], counters[Counters.Proposals], counters[Counters.Transfers]);
    }

    private async Task<T?> GetAsync<T>(string collection, string id) where T : class =>
        await store.GetDocumentAsync(collection, id) is { } json ? JsonSerializer.Deserialize<T>(json, LedgerEventJson.Options) : null;

    private async Task<Page<T>> ListAsync<T>(string collection, string partition, string? status, string? cursor, int limit)
    {
        var page = await store.ListDocumentsAsync(collection, partition, status, cursor, limit);
        return new Page<T>(page.Items.Select(json => JsonSerializer.Deserialize<T>(json, LedgerEventJson.Options)!).ToList(), page.NextCursor);
    }

    private sealed record Membership(string OrgId);
}
