using GxProtocol.Contract;
using static GxProtocol.Ledger.Tests.Chaincode.ChaincodeHarness;
using Tax = GxProtocol.Contract.GxChaincode.Tax;

namespace GxProtocol.Ledger.Tests.Chaincode;

public sealed class VelocityTaxTests
{
    [Theory]
    [InlineData(100_000_000, 0)]
    [InlineData(100_000_001, 250)]
    [InlineData(1_000_000_000, 250)]
    [InlineData(1_000_000_001, 300)]
    [InlineData(5_000_000_000, 300)]
    [InlineData(5_000_000_001, 350)]
    [InlineData(10_000_000_000, 350)]
    [InlineData(10_000_000_001, 400)]
    [InlineData(25_000_000_000, 400)]
    [InlineData(25_000_000_001, 450)]
    [InlineData(50_000_000_000, 450)]
    [InlineData(50_000_000_001, 550)]
    [InlineData(100_000_000_000, 550)]
    [InlineData(100_000_000_001, 600)]
    public void Rate_steps_up_just_above_each_band_edge(long balanceQirat, int expectedBps) =>
        Assert.Equal(expectedBps, GxRules.VelocityTaxRateBps(balanceQirat));

    [Theory]
    [InlineData(100_000_001, 2_500_000, 1_250_000, 1_250_000)]
    [InlineData(100_000_401, 2_500_010, 1_250_005, 1_250_005)]
    [InlineData(100_000_441, 2_500_011, 1_250_006, 1_250_005)]   // odd Qirat to the treasury
    public void Tax_is_rounded_down_and_split_between_treasury_and_charity(long balance, long tax, long toTreasury, long toCharitable) =>
        Assert.Equal(new VelocityTaxCharge(250, tax, toTreasury, toCharitable), GxRules.ComputeVelocityTax(balance));

    [Theory]
    [InlineData(100_000_001, 360, 360, true)]
    [InlineData(100_000_001, 359, 360, false)]
    [InlineData(100_000_000, 400, 360, false)]
    [InlineData(100_000_001, 30, 30, true)]
    public void Due_after_the_idle_period_above_100_coins(long balance, int idleDays, int periodDays, bool due) =>
        Assert.Equal(due, GxRules.IsVelocityTaxDue(balance, Genesis, Genesis.AddDays(idleDays), periodDays));

    [Fact]
    public void Chaincode_taxes_an_idle_wallet_once_per_period_and_conserves_supply()
    {
        var ledger = new ChaincodeHarness().Bootstrapped(("US", 10m));
        ledger.CreateUser("alice");
        ledger.Role = CallerRoles.Admin;

        ledger.Now = Genesis.AddDays(360).AddSeconds(-1);
        ledger.Refused(409, Tax.ApplyVelocityTax, "alice");

        ledger.Now = Genesis.AddDays(360);
        var applied = ledger.Submit<VelocityTaxApplied>(Tax.ApplyVelocityTax, "alice");
        Assert.Equal((250, 12_500_000L, 6_250_000L, 6_250_000L, 360), (applied.RateBps, applied.Tax, applied.ToTreasury, applied.ToCharitable, applied.IdleDays));
        var balances = applied.Balances.ToDictionary(b => b.Account, b => b.Balance);
        Assert.Equal(500 * Coin - 12_500_000, balances["alice"]);
        Assert.Equal(50 * Coin + 6_250_000, balances["treasury:US"]);
        // The charitable pool is credited without being read, so only GetBalance knows its balance.
        Assert.DoesNotContain(GxSupply.CharitablePool, balances.Keys);
        Assert.Equal(158_000_000_000L * Coin + 6_250_000, ledger.Balance(GxSupply.CharitablePool));
        Assert.Equal(GxSupply.TotalSupplyQirat, ledger.SumOfBalances());

        ledger.Refused(409, Tax.ApplyVelocityTax, "alice");
    }

    [Fact]
    public void An_outgoing_transfer_restarts_the_clock()
    {
        var ledger = new ChaincodeHarness().Bootstrapped(("US", 10m));
        ledger.CreateUser("alice");
        ledger.CreateUser("bob");
        ledger.Now = Genesis.AddDays(100);
        ledger.Submit<TransferWithFeesCompleted>(GxChaincode.Tokenomics.TransferWithFees, "alice", "bob", Qirat(Coin), "", "");
        ledger.Now = Genesis.AddDays(400);
        ledger.Refused(409, Tax.ApplyVelocityTax, "alice");
        ledger.Submit<VelocityTaxApplied>(Tax.ApplyVelocityTax, "bob");
        ledger.Now = Genesis.AddDays(460);
        ledger.Submit<VelocityTaxApplied>(Tax.ApplyVelocityTax, "alice");
    }

    [Fact]
    public void The_period_is_governable()
    {
        var ledger = new ChaincodeHarness().Bootstrapped(("US", 10m));
        ledger.CreateUser("alice");
        ledger.Submit<SystemParameterUpdated>(GxChaincode.Admin.UpdateSystemParameter, GxParameters.VelocityTaxPeriodDays, "30");
        ledger.Now = Genesis.AddDays(30);
        ledger.Submit<VelocityTaxApplied>(Tax.ApplyVelocityTax, "alice");
    }

    [Fact]
    public void Partner_api_cannot_apply_the_tax()
    {
        var ledger = new ChaincodeHarness().Bootstrapped(("US", 10m));
        ledger.CreateUser("alice");
        ledger.Now = Genesis.AddDays(400);
        ledger.Role = CallerRoles.PartnerApi;
        ledger.Refused(403, Tax.ApplyVelocityTax, "alice");
    }
}
