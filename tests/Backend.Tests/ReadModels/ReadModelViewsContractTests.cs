using GxProtocol.Backend.Tests.Support;
using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.ReadModels;
using GxProtocol.Silo.ReadModels;

namespace GxProtocol.Backend.Tests.ReadModels;

/// <summary>
/// Chaincode events projected into a store and read back as the API serves them: every read model, against memory
/// and PostgreSQL.
/// </summary>
public abstract class ReadModelViewsContractTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private readonly string _alice = Guid.NewGuid().ToString();
    private readonly string _bob = Guid.NewGuid().ToString();
    private ulong _block;

    protected abstract IReadModelStore Store { get; }

    private ReadModelQueries Queries => new(Store);

    private async Task ProjectAsync<T>(T payload) where T : class
    {
        var envelope = new LedgerEventEnvelope(new LedgerPosition(++_block, 0), $"tx-{_block}", typeof(T).Name, LedgerEventJson.Serialize(payload), At);
        Assert.True(await Store.ApplyAsync(envelope.Position, ReadModelProjection.ChangesFor(envelope)));
    }

    [Fact]
    public async Task A_loan_is_listed_for_its_borrower_through_disbursement_and_repayment()
    {
        var loanId = Guid.NewGuid().ToString();
        await ProjectAsync(new LoanApplicationReceived(loanId, _alice, 200, 200, new string('a', 64), 30, 80, GxStatuses.LoanPendingApproval));
        await ProjectAsync(new LoanApproved(loanId, _alice, 200, 200, At.AddDays(30), [new AccountBalance(_alice, 700)]));
        await ProjectAsync(new LoanRepaid(loanId, _alice, 150, 150, 50, GxStatuses.LoanActive, [new AccountBalance(_alice, 550)]));
        await ProjectAsync(new LoanRepaid(loanId, _alice, 50, 200, 0, GxStatuses.LoanRepaid, [new AccountBalance(_alice, 500)]));

        var loan = Assert.Single((await Queries.GetLoansOfBorrowerAsync(Guid.Parse(_alice), null, 10)).Items);
        Assert.Equal((GxStatuses.LoanRepaid, 200L, 0L, 80), (loan.Status, loan.TotalRepaid, loan.Remaining, loan.TrustScore));
        Assert.Equal(At.AddDays(30), loan.DueAt);
        Assert.Empty((await Queries.GetLoansOfBorrowerAsync(Guid.Parse(_bob), null, 10)).Items);
        var history = (await Queries.GetWalletTransactionsAsync(Guid.Parse(_alice), null, 10)).Items;
        Assert.Equal([WalletTransactionKinds.LoanRepayment, WalletTransactionKinds.LoanRepayment, WalletTransactionKinds.LoanDisbursed], history.Select(l => l.Kind));
        Assert.Equal([-50L, -150L, 200L], history.Select(l => l.Amount));
        Assert.Equal(1, (await Queries.GetCountersAsync()).Loans);
    }

    [Fact]
    public async Task Proposals_are_listed_by_status_with_their_tallies()
    {
        var kept = Guid.NewGuid().ToString();
        var passed = Guid.NewGuid().ToString();
        await ProjectAsync(new ProposalSubmitted(kept, _alice, "Keep", "", GxParameters.TransactionFeeBps, 10, At.AddDays(14)));
        await ProjectAsync(new ProposalSubmitted(passed, _alice, "Lower", "", GxParameters.TransactionFeeBps, 5, At.AddDays(14)));
        await ProjectAsync(new VoteCast(passed, _bob, GxStatuses.VoteFor, "", 1, 0, 0));
        await ProjectAsync(new ProposalExecuted(passed, GxParameters.TransactionFeeBps, 10, 5, 120, 10, 3, "passed"));

        Assert.Equal([passed, kept], (await Queries.GetProposalsAsync(null, null, 10)).Items.Select(p => p.ProposalId.ToString()));
        var active = Assert.Single((await Queries.GetProposalsAsync(GxStatuses.ProposalActive, null, 10)).Items);
        Assert.Equal((kept, 0L), (active.ProposalId.ToString(), active.VotesFor));
        var executed = Assert.Single((await Queries.GetProposalsAsync(GxStatuses.ProposalExecuted, null, 10)).Items);
        Assert.Equal((120L, 10L, 3L, "passed"), (executed.VotesFor, executed.VotesAgainst, executed.VotesAbstain, executed.Outcome));
    }

    [Fact]
    public async Task Organizations_are_listed_for_their_members_and_pending_transfers_until_executed()
    {
        var orgId = $"org-{Guid.NewGuid():N}";
        var pending = Guid.NewGuid().ToString();
        await ProjectAsync(new OrganizationProposed(orgId, "Acme", "business", _alice, "MY", [_alice, _bob], [_alice]));
        await ProjectAsync(new MembershipEndorsed(orgId, _bob, [_alice, _bob], true));
        await ProjectAsync(new OrganizationActivated(orgId, [new AccountBalance(orgId, 0)]));
        await ProjectAsync(new MultiSigTxInitiated(pending, orgId, _alice, _bob, 50, "supplies", 2, [_alice], GxStatuses.MultiSigPending, null, []));

        var organization = Assert.Single((await Queries.GetOrganizationsOfMemberAsync(Guid.Parse(_bob), null, 10)).Items);
        Assert.Equal((orgId, GxStatuses.OrganizationActive, 2), (organization.OrgId, organization.Status, organization.EndorsedBy.Count));
        Assert.Equal(pending, Assert.Single((await Queries.GetPendingMultiSigTxsAsync(orgId, null, 10)).Items).PendingTxId.ToString());

        await ProjectAsync(new MultiSigTxExecuted(pending, orgId, _bob, _bob, 50, [_alice, _bob], new TransferFees(10, 0, 0, 0, 50), [new AccountBalance(_bob, 550)]));

        Assert.Empty((await Queries.GetPendingMultiSigTxsAsync(orgId, null, 10)).Items);
        var executed = await Queries.GetMultiSigTxAsync(Guid.Parse(pending));
        Assert.Equal((GxStatuses.MultiSigExecuted, 2), (executed!.Status, executed.Approvals.Count));
        Assert.Equal(WalletTransactionKinds.TransferIn, Assert.Single((await Queries.GetWalletTransactionsAsync(Guid.Parse(_bob), null, 10)).Items).Kind);
    }

    [Fact]
    public async Task Treasuries_country_stats_and_counters_follow_bootstrap_genesis_and_activation()
    {
        var treasury = GxSupply.TreasuryAccount("MY");
        await ProjectAsync(new SystemBootstrapped(GxSupply.TotalSupplyQirat, []));
        await ProjectAsync(new CountryDataInitialized([new CountryAllocation("MY", "Malaysia", 10m)]));
        await ProjectAsync(new UserCreated(_alice, "MY", 30, 1, 500, 50, [new AccountBalance(_alice, 500), new AccountBalance(treasury, 50)]));
        Assert.False((await Queries.GetTreasuryAsync("MY"))!.Active);
        await ProjectAsync(new UserCreated(_bob, "MY", 80, 0, 0, 0, [new AccountBalance(_bob, 0)]));
        await ProjectAsync(new TreasuryActivated("MY", treasury, [new AccountBalance(treasury, 50)]));

        Assert.Equal(new TreasurySummary("MY", 50, true), await Queries.GetTreasuryAsync("MY"));
        Assert.Null(await Queries.GetTreasuryAsync("DE"));
        Assert.Equal(new CountryStats("MY", 2, 500, 50, true), await Queries.GetCountryStatsAsync("MY"));
        var counters = await Queries.GetCountersAsync();
        Assert.Equal((GxSupply.TotalSupplyQirat, 2L, 0L), (counters.TotalSupply, counters.Users, counters.Loans));
    }
}

public sealed class InMemoryReadModelViewsTests : ReadModelViewsContractTests
{
    protected override IReadModelStore Store { get; } = new InMemoryReadModelStore();
}

[Trait("Category", "Slow")]
[Trait("Category", "Postgres")]
public sealed class PostgresReadModelViewsTests : ReadModelViewsContractTests, IAsyncLifetime
{
    private readonly PostgresStoreScope<PostgresReadModelStore> _postgres = new(connectionString => new PostgresReadModelStore(connectionString));

    protected override IReadModelStore Store => _postgres.Store;

    public Task InitializeAsync() => _postgres.InitializeAsync();

    public Task DisposeAsync() => _postgres.DisposeAsync();
}
