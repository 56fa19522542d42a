namespace GxProtocol.Grains.Interfaces.ReadModels;

/// <summary>
/// Reads the read models from whichever silo answers; stateless, so every silo serves queries locally. Lists are
/// newest first; a cursor is the one the previous page returned. Read models follow the ledger's events, so a
/// command's effect appears here shortly after it commits.
/// </summary>
[Alias("gx.IReadModelQueryGrain")]
public interface IReadModelQueryGrain : IGrainWithIntegerKey
{
    [Alias("GetWalletTransactions")]
    Task<Page<WalletTransactionView>> GetWalletTransactionsAsync(Guid userId, string? cursor, int limit);

    [Alias("GetLoansOfBorrower")]
    Task<Page<LoanSummary>> GetLoansOfBorrowerAsync(Guid borrowerId, string? cursor, int limit);

    /// <summary>All proposals, or those in <paramref name="status"/> (ACTIVE, EXECUTED, FAILED).</summary>
    [Alias("GetProposals")]
    Task<Page<ProposalSummary>> GetProposalsAsync(string? status, string? cursor, int limit);

    [Alias("GetPendingMultiSigTxs")]
    Task<Page<MultiSigTxSummary>> GetPendingMultiSigTxsAsync(string orgId, string? cursor, int limit);

    [Alias("GetMultiSigTx")]
    Task<MultiSigTxSummary?> GetMultiSigTxAsync(Guid pendingTxId);

    /// <summary>Organizations <paramref name="userId"/> is a stakeholder of.</summary>
    [Alias("GetOrganizationsOfMember")]
    Task<Page<OrganizationSummary>> GetOrganizationsOfMemberAsync(Guid userId, string? cursor, int limit);

    [Alias("GetTreasury")]
    Task<TreasurySummary?> GetTreasuryAsync(string countryCode);

    [Alias("GetCountryStats")]
    Task<CountryStats> GetCountryStatsAsync(string countryCode);

    [Alias("GetCounters")]
    Task<LedgerCounters> GetCountersAsync();
}
