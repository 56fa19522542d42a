using GxProtocol.Contract;
using static GxProtocol.Ledger.Tests.Chaincode.ChaincodeHarness;
using Tokenomics = GxProtocol.Contract.GxChaincode.Tokenomics;

namespace GxProtocol.Ledger.Tests.Chaincode;

public sealed class TransferWithFeesTests
{
    private readonly ChaincodeHarness _ledger = new ChaincodeHarness().Bootstrapped(("US", 10m), ("NG", 5m));

    public TransferWithFeesTests()
    {
        _ledger.CreateUser("alice", "US");
        _ledger.CreateUser("bob", "US");
        _ledger.CreateUser("chidi", "NG");
    }

    [Theory]
    [InlineData("bob", 2_999_999, 0, 0, 0)]
    [InlineData("bob", 3_000_000, 5, 750, 750)]
    [InlineData("bob", 100_000_000, 5, 25_000, 25_000)]
    [InlineData("bob", 100_000_001, 10, 50_000, 50_000)]
    [InlineData("chidi", 100_000_000, 15, 75_000, 75_000)]
    [InlineData("chidi", 100_000_001, 25, 125_000, 125_000)]
    [InlineData("bob", 3_002_000, 5, 751, 750)]
    public void Transfer_charges_the_band_fee_split_between_both_sides(string to, long amount, int bps, long fromSender, long fromReceiver)
    {
        var fundBefore = _ledger.Balance(GxSupply.OperationsFundPool);
        var completed = _ledger.Submit<TransferWithFeesCompleted>(Tokenomics.TransferWithFees, "alice", to, Qirat(amount), "rent", "cmd-1");

        Assert.Equal((bps, fromSender, fromReceiver, amount - fromReceiver), (completed.FeeBps, completed.FeeFromSender, completed.FeeFromReceiver, completed.NetReceived));
        Assert.Equal(fromSender + fromReceiver, completed.Fee);
        Assert.Equal(("alice", to, amount, "rent", "cmd-1"), (completed.From, completed.To, completed.Amount, completed.Remark, completed.CommandId));

        var balances = completed.Balances.ToDictionary(b => b.Account, b => b.Balance);
        Assert.Equal(500 * Coin - amount - fromSender, balances["alice"]);
        Assert.Equal(500 * Coin + amount - fromReceiver, balances[to]);
        Assert.Equal(balances["alice"], _ledger.Balance("alice"));
        Assert.Equal(balances[to], _ledger.Balance(to));
        // The fee is credited to the fund without reading it, so the event cannot carry the fund's balance.
        Assert.DoesNotContain(GxSupply.OperationsFundPool, balances.Keys);
        Assert.Equal(fundBefore + completed.Fee, _ledger.Balance(GxSupply.OperationsFundPool));
        Assert.Equal(GxSupply.TotalSupplyQirat, _ledger.SumOfBalances());
    }

    [Fact]
    public void Transfer_to_a_treasury_is_exempt()
    {
        var completed = _ledger.Submit<TransferWithFeesCompleted>(Tokenomics.TransferWithFees, "alice", "treasury:US", Qirat(200 * Coin), "", "");
        Assert.Equal((0, 0L, 200 * Coin), (completed.FeeBps, completed.Fee, completed.NetReceived));
    }

    [Fact]
    public void Transfer_from_an_active_treasury_is_exempt_and_needs_an_administrator()
    {
        _ledger.Submit<TreasuryActivated>(GxChaincode.Admin.ActivateTreasuryAccount, "US");
        _ledger.Role = CallerRoles.PartnerApi;
        _ledger.Refused(403, Tokenomics.TransferWithFees, "treasury:US", "alice", Qirat(10 * Coin), "", "");
        _ledger.Role = CallerRoles.Admin;
        var completed = _ledger.Submit<TransferWithFeesCompleted>(Tokenomics.TransferWithFees, "treasury:US", "alice", Qirat(10 * Coin), "", "");
        Assert.Equal(0, completed.Fee);
    }

    [Fact]
    public void Transfer_from_an_inactive_treasury_or_a_pool_is_refused()
    {
        _ledger.Refused(409, Tokenomics.TransferWithFees, "treasury:US", "alice", Qirat(1 * Coin), "", "");
        _ledger.Refused(403, Tokenomics.TransferWithFees, GxSupply.LoanPool, "alice", Qirat(1 * Coin), "", "");
    }

    [Theory]
    [InlineData(499_750_125, true)]    // amount + sender's half of the 10 bps fee (249,875) = exactly the 500-coin balance
    [InlineData(499_750_126, false)]   // one Qirat more than the balance covers
    public void Sender_must_cover_amount_plus_its_fee_share(long amount, bool accepted)
    {
        var response = _ledger.Invoke(Tokenomics.TransferWithFees, "alice", "bob", Qirat(amount), "", "");
        Assert.Equal(accepted, response.IsSuccess);
        if (!accepted)
        {
            Assert.Equal(409, response.Status);
            Assert.Contains("Insufficient balance", response.Message);
            Assert.Equal(500 * Coin, _ledger.Balance("alice"));
        }
    }

    [Fact]
    public void Frozen_wallets_can_neither_send_nor_receive()
    {
        _ledger.Submit<WalletFrozen>(Tokenomics.FreezeWallet, "bob", "fraud review");
        _ledger.Refused(403, Tokenomics.TransferWithFees, "bob", "alice", Qirat(Coin), "", "");
        _ledger.Refused(403, Tokenomics.TransferWithFees, "alice", "bob", Qirat(Coin), "", "");
        _ledger.Submit<WalletUnfrozen>(Tokenomics.UnfreezeWallet, "bob");
        _ledger.Submit<TransferWithFeesCompleted>(Tokenomics.TransferWithFees, "bob", "alice", Qirat(Coin), "", "");
    }

    [Fact]
    public void Paused_system_refuses_transfers_until_resumed()
    {
        _ledger.Submit<SystemPaused>(GxChaincode.Admin.PauseSystem, "maintenance");
        var refused = _ledger.Refused(409, Tokenomics.TransferWithFees, "alice", "bob", Qirat(Coin), "", "");
        Assert.Contains("paused", refused.Message);
        _ledger.Submit<SystemResumed>(GxChaincode.Admin.ResumeSystem);
        _ledger.Submit<TransferWithFeesCompleted>(Tokenomics.TransferWithFees, "alice", "bob", Qirat(Coin), "", "");
    }

    [Fact]
    public void The_same_command_id_never_moves_money_twice()
    {
        _ledger.Submit<TransferWithFeesCompleted>(Tokenomics.TransferWithFees, "alice", "bob", Qirat(Coin), "", "cmd-42");
        _ledger.Refused(409, Tokenomics.TransferWithFees, "alice", "bob", Qirat(Coin), "", "cmd-42");
        Assert.Equal(499 * Coin, _ledger.Balance("alice"));
    }

    [Theory]
    [InlineData("alice", "bob", "0")]
    [InlineData("alice", "bob", "-5")]
    [InlineData("alice", "bob", "1.5")]
    [InlineData("alice", "bob", "99999999999999999999")]
    [InlineData("alice", "alice", "1000")]
    [InlineData("al:ice", "bob", "1000")]
    [InlineData("", "bob", "1000")]
    public void Malformed_arguments_are_bad_requests(string from, string to, string amount) =>
        _ledger.Refused(400, Tokenomics.TransferWithFees, from, to, amount, "", "");

    [Fact]
    public void Unknown_accounts_are_not_found()
    {
        _ledger.Refused(404, Tokenomics.TransferWithFees, "alice", "nobody", Qirat(Coin), "", "");
        _ledger.Refused(404, Tokenomics.GetBalance, "nobody");
    }

    [Fact]
    public void GetBalance_answers_without_writing_or_emitting()
    {
        var balance = _ledger.Evaluate<BalanceQueryResult>(Tokenomics.GetBalance, "chidi");
        Assert.Equal(new BalanceQueryResult("chidi", "user", 500 * Coin, false, "NG"), balance);
    }
}
