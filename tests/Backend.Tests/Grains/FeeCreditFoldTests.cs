using GxProtocol.Backend.Tests.Support;
using GxProtocol.Contract;
using GxProtocol.Grains;
using GxProtocol.Grains.Interfaces.Tax;
using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.Tax;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GxProtocol.Backend.Tests.Grains;

/// <summary>Silos that fold the pools' blind credit keys every second.</summary>
public sealed class FrequentFoldClusterFixture : LedgerClusterFixture
{
    protected override void AddGrainStorage(ISiloBuilder silo) => silo.AddGxMemoryGrainStorage();

    protected override void ConfigureFeeCreditFold(FeeCreditFoldOptions fold) => fold.FoldInterval = TimeSpan.FromSeconds(1);
}

/// <summary>
/// The fee credit keys of the operations fund are folded into its balance by the silos' timer: the ledger is left with
/// no unfolded key, the fund holds every fee charged, and the pools and wallets still add up to the supply.
/// </summary>
public sealed class FeeCreditFoldTests(FrequentFoldClusterFixture cluster) : IClassFixture<FrequentFoldClusterFixture>
{
    private const long Coin = GrainJourney.Coin;

    [Fact]
    public async Task The_timer_folds_every_fee_key_into_the_fund_and_the_supply_is_conserved()
    {
        var journey = new GrainJourney(cluster.Client);
        await journey.BootstrapAsync();
        var alice = await journey.ActiveUserAsync("MY");
        var bob = await journey.ActiveUserAsync("DE");
        var fundBefore = await cluster.Ledger.BalanceAsync(GxSupply.OperationsFundPool);

        long fees = 0;
        foreach (var (from, to, coins) in new[] { (alice, bob, 10L), (bob, alice, 20L), (alice, bob, 30L), (bob, alice, 40L) })
        {
            var quote = await cluster.Client.GetGrain<IFeeQuoteGrain>(0).QuoteAsync(
                new FeeQuoteRequest(coins * Coin, from.GetPrimaryKey().ToString(), to.GetPrimaryKey().ToString(), GxStatuses.TransactionTransfer));
            fees += quote.Fee;
            await journey.WaitCommittedAsync(await from.TransferAsync(new TransferRequest(Guid.NewGuid(), to.GetPrimaryKey(), coins * Coin, "fold")));
        }
        Assert.True(fees > 0);

        await Eventually.MatchesAsync(() => UnfoldedAsync(GxSupply.OperationsFundPool), listed => listed.TransactionIds.Count == 0,
            "the fold timer to leave no unfolded fee key on the ledger");
        Assert.Equal(fundBefore + fees, await cluster.Ledger.BalanceAsync(GxSupply.OperationsFundPool));
        var wallets = await cluster.Ledger.BalanceAsync(alice.GetPrimaryKey().ToString()) + await cluster.Ledger.BalanceAsync(bob.GetPrimaryKey().ToString());
        Assert.Equal(GxSupply.TotalSupplyQirat, await cluster.Ledger.SystemAccountsTotalAsync("MY", "DE") + wallets);
        var last = await cluster.Client.GetGrain<IFeeCreditFoldGrain>(0).GetLastAsync();
        Assert.NotNull(last);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("2.00:00:00")]
    public void A_fold_interval_out_of_range_stops_start_up_naming_the_key(string interval)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Gx:FeeCredits:FoldInterval"] = interval });
        builder.UseOrleans(silo => silo.AddGxFeeCreditFolding(builder.Configuration));
        using var host = builder.Build();

        var refused = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<FeeCreditFoldOptions>>().Value);
        Assert.Contains("Gx:FeeCredits:FoldInterval", refused.Message);
    }

    private async Task<BlindCreditsResult> UnfoldedAsync(string pool)
    {
        using var client = cluster.Ledger.ConnectClient();
        return LedgerEventJson.Deserialize<BlindCreditsResult>(await client.EvaluateAsync(GxChaincode.Admin.GetBlindCredits, [pool]));
    }
}
