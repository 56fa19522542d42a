using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Tax;

namespace GxProtocol.Backend.Tests.Grains;

/// <summary>The velocity tax end to end on a ledger whose clock the test moves past the 360-day idle period.</summary>
public sealed class TaxVelocityGrainTests(ShiftedClockClusterFixture cluster) : IClassFixture<ShiftedClockClusterFixture>
{
    private const long Coin = GrainJourney.Coin;

    [Fact]
    public async Task An_idle_wallet_becomes_due_after_the_period_pays_its_band_rate_once_and_starts_a_new_period()
    {
        var user = await cluster.Journey.ActiveUserAsync("MY");
        var account = cluster.Client.GetGrain<ITaxAccountGrain>(user.GetPrimaryKey().ToString());

        var fresh = await account.GetVelocityTaxEligibilityAsync();
        Assert.False(fresh.Eligible);
        Assert.Equal(0, fresh.DaysSinceLastOutgoing);
        var early = await Assert.ThrowsAsync<DomainRuleException>(() => account.ApplyVelocityTaxAsync(Guid.NewGuid(), Guid.NewGuid()));
        Assert.Equal("velocity_tax_not_due", early.Code);

        cluster.Clock.Advance(TimeSpan.FromDays(361));
        var due = await account.GetVelocityTaxEligibilityAsync();
        Assert.True(due.Eligible, due.ToString());
        Assert.Equal(361, due.DaysSinceLastOutgoing);
        Assert.Equal(250, due.RateBps);
        Assert.Equal(12_500_000, due.TaxIfApplied);

        await cluster.Journey.WaitCommittedAsync(await account.ApplyVelocityTaxAsync(Guid.NewGuid(), Guid.NewGuid()));

        var taxed = await Eventually.MatchesAsync(() => account.GetAccountAsync(), a => a.VelocityTaxPaid == 12_500_000, "the tax to reach the tax account");
        Assert.Equal(TaxHistoryEntry.VelocityTax, taxed.History[0].Kind);
        Assert.Equal(0, taxed.FeesPaid);
        await Eventually.MatchesAsync(() => user.GetWalletAsync(), w => w.Balance == 500 * Coin - 12_500_000, "the wallet to be charged");
        Assert.Equal(487_500_000, await cluster.Ledger.BalanceAsync(user.GetPrimaryKey().ToString()));
        var after = await account.GetVelocityTaxEligibilityAsync();
        Assert.False(after.Eligible);
        Assert.Equal(0, after.DaysSinceLastOutgoing);
        var again = await Assert.ThrowsAsync<DomainRuleException>(() => account.ApplyVelocityTaxAsync(Guid.NewGuid(), Guid.NewGuid()));
        Assert.Equal("velocity_tax_not_due", again.Code);
    }
}
