using System.Text.Json;
using GxProtocol.Contract;
using static GxProtocol.Ledger.Tests.Chaincode.ChaincodeHarness;
using Admin = GxProtocol.Contract.GxChaincode.Admin;
using Tokenomics = GxProtocol.Contract.GxChaincode.Tokenomics;

namespace GxProtocol.Ledger.Tests.Chaincode;

/// <summary>
/// The operations fund and the charitable pool are credited blindly: each crediting transaction writes
/// <c>credit:{pool}:{txId}</c> without reading the pool, and the pool's balance is its base plus those credits.
/// </summary>
public sealed class BlindCreditTests
{
    private static readonly long InitialFund = GxSupply.InitialPools.Single(pool => pool.Account == GxSupply.OperationsFundPool).Balance;

    private readonly ChaincodeHarness _ledger = new ChaincodeHarness().Bootstrapped(("US", 10m));

    public BlindCreditTests()
    {
        _ledger.CreateUser("alice");
        _ledger.CreateUser("bob");
    }

    [Fact]
    public void A_fee_is_written_to_a_key_of_its_own_transaction_and_the_fund_is_never_read()
    {
        var response = _ledger.InvokeAs("tx-fee", Tokenomics.TransferWithFees, "alice", "bob", Qirat(10 * Coin), "", "cmd-fee");
        Assert.True(response.IsSuccess, response.Message);
        var stub = _ledger.LastStub!;
        var fee = LedgerEventJson.Deserialize<TransferWithFeesCompleted>(stub.Events.Single().Payload).Fee;

        Assert.True(fee > 0);
        Assert.DoesNotContain(stub.Reads, read => read.Contains(GxSupply.OperationsFundPool, StringComparison.Ordinal));
        Assert.DoesNotContain(GxSupply.OperationsFundPool, stub.Writes.Keys);
        var credit = JsonDocument.Parse(stub.Writes["credit:pool:operationsFund:tx-fee"]!).RootElement;
        Assert.Equal((GxSupply.OperationsFundPool, "tx-fee", fee),
            (credit.GetProperty("account").GetString(), credit.GetProperty("transactionId").GetString(), credit.GetProperty("amount").GetInt64()));
    }

    [Fact]
    public void The_fund_balance_is_its_untouched_base_plus_every_credit()
    {
        var fees = new[] { ("alice", "bob", 10L), ("bob", "alice", 150L), ("alice", "bob", 2L), ("bob", "alice", 30L) }
            .Sum(transfer => _ledger.Submit<TransferWithFeesCompleted>(
                Tokenomics.TransferWithFees, transfer.Item1, transfer.Item2, Qirat(transfer.Item3 * Coin), "", "").Fee);

        Assert.Equal(InitialFund + fees, _ledger.Balance(GxSupply.OperationsFundPool));
        Assert.Equal(InitialFund, JsonDocument.Parse(_ledger.World.State[GxSupply.OperationsFundPool]).RootElement.GetProperty("balance").GetInt64());
        Assert.Equal(3, _ledger.CreditKeys().Count());     // the 2-coin transfer is below the first fee band and credits nothing
        Assert.Equal(GxSupply.TotalSupplyQirat, _ledger.SumOfBalances());
    }

    [Fact]
    public void Paying_into_the_fund_itself_counts_its_earlier_credits_once()
    {
        var fee = _ledger.Submit<TransferWithFeesCompleted>(Tokenomics.TransferWithFees, "alice", "bob", Qirat(10 * Coin), "", "").Fee;

        // A payment to a pool is exempt, so the fund is read, changed and saved like any receiver.
        var donation = _ledger.Submit<TransferWithFeesCompleted>(Tokenomics.TransferWithFees, "bob", GxSupply.OperationsFundPool, Qirat(5 * Coin), "", "");

        var expected = InitialFund + fee + 5 * Coin;
        Assert.Equal(expected, donation.Balances.Single(balance => balance.Account == GxSupply.OperationsFundPool).Balance);
        Assert.Equal(expected, _ledger.Balance(GxSupply.OperationsFundPool));
        Assert.Single(_ledger.CreditKeys());
        Assert.Equal(GxSupply.TotalSupplyQirat, _ledger.SumOfBalances());
    }

    [Fact]
    public void Velocity_tax_credits_the_charitable_pool_without_reading_it()
    {
        _ledger.Role = CallerRoles.Admin;
        _ledger.Now = Genesis.AddDays(400);

        var applied = _ledger.Submit<VelocityTaxApplied>(GxChaincode.Tax.ApplyVelocityTax, "alice");

        Assert.DoesNotContain(_ledger.LastStub!.Reads, read => read.Contains(GxSupply.CharitablePool, StringComparison.Ordinal));
        var initialCharitable = GxSupply.InitialPools.Single(pool => pool.Account == GxSupply.CharitablePool).Balance;
        Assert.Equal(initialCharitable + applied.ToCharitable, _ledger.Balance(GxSupply.CharitablePool));
        Assert.Equal(GxSupply.TotalSupplyQirat, _ledger.SumOfBalances());
    }

    [Fact]
    public void Folding_moves_the_credit_keys_into_the_fund_and_conserves_the_supply()
    {
        var fees = Enumerable.Range(0, 6).Sum(i => _ledger.Submit<TransferWithFeesCompleted>(
            Tokenomics.TransferWithFees, i % 2 == 0 ? "alice" : "bob", i % 2 == 0 ? "bob" : "alice", Qirat((10 + i) * Coin), "", "").Fee);
        Assert.Equal(6, _ledger.CreditKeys().Count());
        _ledger.Role = CallerRoles.Admin;

        var listed = _ledger.Evaluate<BlindCreditsResult>(Admin.GetBlindCredits, GxSupply.OperationsFundPool, "");
        Assert.Equal((6, fees), (listed.TransactionIds.Count, listed.Amount));
        var folded = _ledger.Submit<BlindCreditsFolded>(Admin.FoldBlindCredits, GxSupply.OperationsFundPool, JsonSerializer.Serialize(listed.TransactionIds));
        // The fold read each key by itself, never the range, so a fee committed beside it cannot invalidate it.
        Assert.DoesNotContain(_ledger.LastStub!.Reads, read => read.StartsWith('['));

        Assert.Equal((6, fees), (folded.Credits, folded.Amount));
        Assert.Empty(_ledger.CreditKeys());
        Assert.Equal(InitialFund + fees, _ledger.Balance(GxSupply.OperationsFundPool));
        Assert.Equal(InitialFund + fees, JsonDocument.Parse(_ledger.World.State[GxSupply.OperationsFundPool]).RootElement.GetProperty("balance").GetInt64());
        Assert.Equal(GxSupply.TotalSupplyQirat, _ledger.SumOfBalances());
    }

    [Fact]
    public void A_balance_read_after_a_fold_scans_only_the_credits_written_since()
    {
        _ledger.Submit<TransferWithFeesCompleted>(Tokenomics.TransferWithFees, "alice", "bob", Qirat(10 * Coin), "", "");
        _ledger.Submit<TransferWithFeesCompleted>(Tokenomics.TransferWithFees, "bob", "alice", Qirat(20 * Coin), "", "");
        FoldAll(GxSupply.OperationsFundPool);
        var later = _ledger.Submit<TransferWithFeesCompleted>(Tokenomics.TransferWithFees, "alice", "bob", Qirat(30 * Coin), "", "").Fee;

        var before = _ledger.Balance(GxSupply.OperationsFundPool);
        Assert.Single(_ledger.CreditKeys());
        Assert.Equal(later, _ledger.Evaluate<BlindCreditsResult>(Admin.GetBlindCredits, GxSupply.OperationsFundPool).Amount);
        FoldAll(GxSupply.OperationsFundPool);
        Assert.Equal(before, _ledger.Balance(GxSupply.OperationsFundPool));
        Assert.Empty(_ledger.CreditKeys());
        Assert.Equal(GxSupply.TotalSupplyQirat, _ledger.SumOfBalances());
    }

    [Fact]
    public void Folding_a_key_twice_counts_it_once_and_unknown_ids_are_skipped()
    {
        _ledger.Submit<TransferWithFeesCompleted>(Tokenomics.TransferWithFees, "alice", "bob", Qirat(10 * Coin), "", "");
        _ledger.Role = CallerRoles.Admin;
        var ids = JsonSerializer.Serialize(_ledger.Evaluate<BlindCreditsResult>(Admin.GetBlindCredits, GxSupply.OperationsFundPool).TransactionIds);
        var fund = _ledger.Balance(GxSupply.OperationsFundPool);

        Assert.Equal(1, _ledger.Submit<BlindCreditsFolded>(Admin.FoldBlindCredits, GxSupply.OperationsFundPool, ids).Credits);
        var again = _ledger.Submit<BlindCreditsFolded>(Admin.FoldBlindCredits, GxSupply.OperationsFundPool, ids);
        var unknown = _ledger.Submit<BlindCreditsFolded>(Admin.FoldBlindCredits, GxSupply.OperationsFundPool, "[\"tx-none\"]");

        Assert.Equal((0, 0L, 0, 0L), (again.Credits, again.Amount, unknown.Credits, unknown.Amount));
        Assert.Equal(fund, _ledger.Balance(GxSupply.OperationsFundPool));
        Assert.Equal(GxSupply.TotalSupplyQirat, _ledger.SumOfBalances());
    }

    [Fact]
    public void The_charitable_pool_folds_too_and_other_accounts_or_callers_are_refused()
    {
        _ledger.Role = CallerRoles.Admin;
        _ledger.Now = Genesis.AddDays(400);
        _ledger.Submit<VelocityTaxApplied>(GxChaincode.Tax.ApplyVelocityTax, "alice");
        var charitable = _ledger.Balance(GxSupply.CharitablePool);

        _ledger.Role = CallerRoles.PartnerApi;
        _ledger.Refused(403, Admin.GetBlindCredits, GxSupply.CharitablePool);
        _ledger.Refused(403, Admin.FoldBlindCredits, GxSupply.CharitablePool, "[\"tx-000001\"]");
        _ledger.Role = CallerRoles.Admin;
        _ledger.Refused(400, Admin.FoldBlindCredits, "treasury:US", "[\"tx-000001\"]");
        _ledger.Refused(400, Admin.GetBlindCredits, "alice");
        _ledger.Refused(400, Admin.FoldBlindCredits, GxSupply.CharitablePool, "[]");
        Assert.Single(_ledger.CreditKeys());

        FoldAll(GxSupply.CharitablePool);
        Assert.Empty(_ledger.CreditKeys());
        Assert.Equal(charitable, _ledger.Balance(GxSupply.CharitablePool));
        Assert.Equal(GxSupply.TotalSupplyQirat, _ledger.SumOfBalances());
    }

    private void FoldAll(string pool)
    {
        var role = _ledger.Role;
        _ledger.Role = CallerRoles.Admin;
        var listed = _ledger.Evaluate<BlindCreditsResult>(Admin.GetBlindCredits, pool);
        _ledger.Submit<BlindCreditsFolded>(Admin.FoldBlindCredits, pool, JsonSerializer.Serialize(listed.TransactionIds));
        _ledger.Role = role;
    }
}
