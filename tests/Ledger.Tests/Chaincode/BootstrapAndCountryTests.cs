using System.Text.Json;
using GxProtocol.Contract;
using Admin = GxProtocol.Contract.GxChaincode.Admin;

namespace GxProtocol.Ledger.Tests.Chaincode;

public sealed class BootstrapAndCountryTests
{
    private readonly ChaincodeHarness _ledger = new();

    [Fact]
    public void Bootstrap_mints_the_whole_supply_into_the_pools_once()
    {
        var bootstrapped = _ledger.Submit<SystemBootstrapped>(Admin.BootstrapSystem);

        Assert.Equal(1_250_000_000_000L * ChaincodeHarness.Coin, bootstrapped.TotalSupply);
        Assert.Equal(bootstrapped.TotalSupply, bootstrapped.Pools.Sum(p => p.Balance));
        Assert.Equal(577_500_000_000L * ChaincodeHarness.Coin, bootstrapped.Pools.Single(p => p.Account == GxSupply.UserGenesisPool).Balance);
        Assert.Equal(6, bootstrapped.Pools.Count);
        Assert.Equal(GxSupply.TotalSupplyQirat, _ledger.SumOfBalances());

        _ledger.Refused(409, Admin.BootstrapSystem);
        Assert.Equal(GxSupply.TotalSupplyQirat, _ledger.SumOfBalances());
    }

    [Theory]
    [InlineData(CallerRoles.Admin)]
    [InlineData(CallerRoles.PartnerApi)]
    [InlineData("someone")]
    public void Only_super_admin_bootstraps(string role)
    {
        _ledger.Role = role;
        _ledger.Refused(403, Admin.BootstrapSystem);
        _ledger.Refused(403, Admin.InitializeCountryData, """[{"code":"US","name":"United States","percentage":4.2}]""");
        Assert.Empty(_ledger.World.State);
    }

    [Fact]
    public void Countries_get_a_treasury_and_can_be_updated_without_losing_counters()
    {
        _ledger.Bootstrapped(("US", 10m));
        _ledger.CreateUser("alice", "US");
        var updated = _ledger.InitializeCountries(("us", 12.5m), ("NG", 5m));

        Assert.Equal(["US", "NG"], updated.Countries.Select(c => c.Code));
        Assert.Equal(12.5m, updated.Countries[0].Percentage);
        Assert.Equal(50 * ChaincodeHarness.Coin, _ledger.Balance("treasury:US"));
        Assert.Equal(0, _ledger.Balance("treasury:NG"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""[{"code":"USA","name":"x","percentage":1}]""")]
    [InlineData("""[{"code":"US","name":"","percentage":1}]""")]
    [InlineData("""[{"code":"US","name":"x","percentage":0}]""")]
    [InlineData("""[{"code":"US","name":"x","percentage":100.1}]""")]
    [InlineData("""[{"code":"US","name":"x","percentage":60},{"code":"NG","name":"y","percentage":40.01}]""")]
    [InlineData("""[{"code":"US","name":"x","percentage":1},{"code":"us","name":"y","percentage":1}]""")]
    [InlineData("""[null]""")]
    public void Invalid_country_data_is_a_bad_request(string json) =>
        _ledger.Refused(400, Admin.InitializeCountryData, json);

    [Fact]
    public void Percentages_above_100_in_total_are_refused_across_calls()
    {
        _ledger.InitializeCountries(("US", 60m));
        _ledger.Refused(400, Admin.InitializeCountryData, JsonSerializer.Serialize(new[] { new { code = "NG", name = "Nigeria", percentage = 40.5m } }));
        _ledger.InitializeCountries(("NG", 40m));
    }
}
