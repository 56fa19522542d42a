using GxProtocol.Contract;
using static GxProtocol.Ledger.Tests.Chaincode.ChaincodeHarness;
using Identity = GxProtocol.Contract.GxChaincode.Identity;

namespace GxProtocol.Ledger.Tests.Chaincode;

public sealed class CreateUserTests
{
    private readonly ChaincodeHarness _ledger = new();

    [Fact]
    public void CreateUser_before_bootstrap_is_refused()
    {
        _ledger.Refused(409, Identity.CreateUser, "alice", "US", "30");
        Assert.Empty(_ledger.World.State);
    }

    [Fact]
    public void CreateUser_for_an_unknown_country_is_refused()
    {
        _ledger.Bootstrapped(("US", 10m));
        _ledger.Refused(404, Identity.CreateUser, "alice", "FR", "30");
    }

    [Fact]
    public void CreateUser_pays_genesis_and_the_treasury_share_and_reports_every_touched_balance()
    {
        _ledger.Bootstrapped(("US", 10m));
        var created = _ledger.CreateUser("alice", "us", 30);

        Assert.Equal(("alice", "US", 30, 1, 500 * Coin, 50 * Coin),
            (created.UserId, created.Nationality, created.Age, created.GenesisPhase, created.GenesisAmount, created.TreasuryAmount));
        var balances = created.Balances.ToDictionary(b => b.Account, b => b.Balance);
        Assert.Equal(500 * Coin, balances["alice"]);
        Assert.Equal(50 * Coin, balances["treasury:US"]);
        Assert.Equal(577_500_000_000L * Coin - 500 * Coin, balances[GxSupply.UserGenesisPool]);
        Assert.Equal(152_000_000_000L * Coin - 50 * Coin, balances[GxSupply.GovernmentGenesisPool]);
        Assert.Equal(4, balances.Count);
        Assert.Equal(GxSupply.TotalSupplyQirat, _ledger.SumOfBalances());
    }

    [Fact]
    public void A_user_is_created_once()
    {
        _ledger.Bootstrapped(("US", 10m));
        _ledger.CreateUser("alice");
        _ledger.Refused(409, Identity.CreateUser, "alice", "US", "30");
        Assert.Equal(500 * Coin, _ledger.Balance("alice"));
    }

    [Theory]
    [InlineData(12, 0)]
    [InlineData(13, 500)]
    [InlineData(73, 500)]
    [InlineData(74, 0)]
    public void Genesis_is_paid_only_to_ages_13_to_73(int age, long expectedCoins)
    {
        _ledger.Bootstrapped(("US", 10m));
        var created = _ledger.CreateUser("alice", "US", age);
        Assert.Equal(expectedCoins * Coin, created.GenesisAmount);
        Assert.Equal(expectedCoins * Coin, _ledger.Balance("alice"));
    }

    [Fact]
    public void A_user_registered_too_young_gets_genesis_later_and_only_once()
    {
        _ledger.Bootstrapped(("US", 10m));
        _ledger.CreateUser("teen", "US", 12);
        _ledger.Refused(409, GxChaincode.Tokenomics.DistributeGenesis, "teen");
        var paid = _ledger.Submit<GenesisDistributed>(GxChaincode.Tokenomics.DistributeGenesis, "teen", "13");
        Assert.Equal((1, 500 * Coin), (paid.GenesisPhase, paid.GenesisAmount));
        _ledger.Refused(409, GxChaincode.Tokenomics.DistributeGenesis, "teen");
        Assert.Equal(500 * Coin, _ledger.Balance("teen"));
    }

    [Theory]
    [InlineData("alice", "US", "abc")]
    [InlineData("alice", "US", "-1")]
    [InlineData("alice", "USA", "30")]
    [InlineData("ali ce", "US", "30")]
    public void Malformed_arguments_are_bad_requests(string userId, string nationality, string age)
    {
        _ledger.Bootstrapped(("US", 10m));
        _ledger.Refused(400, Identity.CreateUser, userId, nationality, age);
    }

    [Fact]
    public void Wrong_argument_count_is_a_bad_request()
    {
        _ledger.Bootstrapped(("US", 10m));
        _ledger.Refused(400, Identity.CreateUser, "alice", "US");
        _ledger.Refused(400, Identity.CreateUser, "alice", "US", "30", new string('a', 64), "extra");
    }

    [Fact]
    public void The_approved_kyc_evidence_hash_is_recorded_with_the_user_and_in_the_event()
    {
        _ledger.Bootstrapped(("US", 10m));
        var evidence = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData("passport scan"u8));

        var created = _ledger.Submit<UserCreated>(Identity.CreateUser, "alice", "US", "30", evidence);

        Assert.Equal(evidence.ToLowerInvariant(), created.KycEvidenceHash);
        Assert.Contains(evidence.ToLowerInvariant(), System.Text.Encoding.UTF8.GetString(_ledger.World.State["user:alice"]));
        Assert.Null(_ledger.CreateUser("bob").KycEvidenceHash);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("zz12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12")]
    [InlineData("ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab")]
    public void A_malformed_evidence_hash_is_a_bad_request_and_registers_no_one(string evidence)
    {
        _ledger.Bootstrapped(("US", 10m));
        _ledger.Refused(400, Identity.CreateUser, "alice", "US", "30", evidence);
        Assert.DoesNotContain("user:alice", _ledger.World.State.Keys);
    }

    [Fact]
    public void Partner_api_cannot_register_users()
    {
        _ledger.Bootstrapped(("US", 10m));
        _ledger.Role = CallerRoles.PartnerApi;
        _ledger.Refused(403, Identity.CreateUser, "alice", "US", "30");
    }
}
