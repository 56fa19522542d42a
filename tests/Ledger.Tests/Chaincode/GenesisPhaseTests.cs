using GxProtocol.Contract;
using static GxProtocol.Ledger.Tests.Chaincode.ChaincodeHarness;

namespace GxProtocol.Ledger.Tests.Chaincode;

public sealed class GenesisPhaseTests
{
    // A country with 10%: phase slots 10M, 20M, 30M, 40M, 155M, 245M (cumulative 10M, 30M, 60M, 100M, 255M, 500M).
    [Theory]
    [InlineData(0, 1, 500, 50)]
    [InlineData(9_999_999, 1, 500, 50)]
    [InlineData(10_000_000, 2, 400, 50)]
    [InlineData(29_999_999, 2, 400, 50)]
    [InlineData(30_000_000, 3, 300, 50)]
    [InlineData(59_999_999, 3, 300, 50)]
    [InlineData(60_000_000, 4, 200, 50)]
    [InlineData(99_999_999, 4, 200, 50)]
    [InlineData(100_000_000, 5, 100, 50)]
    [InlineData(254_999_999, 5, 100, 50)]
    [InlineData(255_000_000, 6, 50, 10)]
    [InlineData(499_999_999, 6, 50, 10)]
    [InlineData(500_000_000, 0, 0, 0)]
    public void Phase_and_amounts_change_at_each_cumulative_boundary(long recipientsSoFar, int phase, long userCoins, long treasuryCoins) =>
        Assert.Equal(new GenesisAllocation(phase, userCoins * Coin, treasuryCoins * Coin), GxRules.GenesisFor(10m, recipientsSoFar));

    [Theory]
    [InlineData(100, 100_000_000)]
    [InlineData(0.000001, 1)]
    [InlineData(0.0000015, 1)]
    [InlineData(17.75, 17_750_000)]
    public void Country_slots_are_its_percentage_of_the_phase_limit_rounded_down(decimal percentage, long expected) =>
        Assert.Equal(expected, GxRules.CountrySlots(percentage, 100_000_000));

    [Fact]
    public void All_phases_at_100_percent_use_exactly_the_genesis_pools()
    {
        var users = GxRules.GenesisPhases.Sum(p => p.UserLimit * p.UserAmountQirat);
        var treasuries = GxRules.GenesisPhases.Sum(p => p.UserLimit * p.TreasuryAmountQirat);
        Assert.Equal(577_500_000_000L * Coin, users);
        Assert.Equal(152_000_000_000L * Coin, treasuries);
    }

    /// <summary>
    /// 0.000001% of each phase: 1, 2, 3, 4, 15 and 24 slots, so the whole schedule runs through the chaincode in 49
    /// registrations and the 50th gets nothing.
    /// </summary>
    [Fact]
    public void Chaincode_walks_through_every_phase_and_stops_paying_when_exhausted()
    {
        var ledger = new ChaincodeHarness().Bootstrapped(("TV", 0.000001m));
        int[] expectedPhaseSizes = [1, 2, 3, 4, 15, 24];
        var phases = Enumerable.Range(0, 50).Select(i => ledger.CreateUser($"user-{i}", "TV")).ToList();

        var expectedPhases = expectedPhaseSizes.SelectMany((size, index) => Enumerable.Repeat(index + 1, size)).Append(0);
        Assert.Equal(expectedPhases, phases.Select(p => p.GenesisPhase));
        Assert.Equal(0, phases[^1].GenesisAmount);
        Assert.Equal(0, phases[^1].TreasuryAmount);
        var treasury = (1 + 2 + 3 + 4 + 15) * 50 * Coin + 24 * 10 * Coin;
        Assert.Equal(treasury, ledger.Balance("treasury:TV"));
        Assert.Equal(GxSupply.TotalSupplyQirat, ledger.SumOfBalances());
    }
}
