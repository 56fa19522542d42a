using System.Text.Json;
using GxProtocol.Contract;
using static GxProtocol.Ledger.Tests.Chaincode.ChaincodeHarness;
using Tokenomics = GxProtocol.Contract.GxChaincode.Tokenomics;

namespace GxProtocol.Ledger.Tests.Chaincode;

public sealed class ConservationAndDeterminismTests
{
    private const string Collateral = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    /// <summary>A mixed sequence touching every money-moving function; returns every response for comparison.</summary>
    private static List<(int Status, string Message, string Payload, string Events)> RunScenario(ChaincodeHarness ledger)
    {
        var log = new List<(int, string, string, string)>();
        void Step(string function, params string[] args)
        {
            var response = ledger.Invoke(function, args);
            var events = string.Join("|", ledger.LastStub!.Events.Select(e => e.Name + ":" + Text(e.Payload)));
            log.Add((response.Status, response.Message, Text(response.Payload), events));
        }

        ledger.Bootstrapped(("US", 10m), ("NG", 5m));
        foreach (var (id, cc) in new[] { ("alice", "US"), ("bob", "US"), ("chidi", "NG"), ("dayo", "NG") })
        {
            Step(GxChaincode.Identity.CreateUser, id, cc, "30");
        }

        Step(Tokenomics.TransferWithFees, "alice", "bob", "123456789", "a", "c1");
        Step(Tokenomics.TransferWithFees, "bob", "chidi", "300000001", "b", "c2");
        Step(Tokenomics.TransferWithFees, "chidi", "alice", "2999999", "c", "c3");
        Step(Tokenomics.TransferWithFees, "dayo", "treasury:NG", "7000001", "", "");
        Step(Tokenomics.TransferWithFees, "alice", "bob", "999999999999", "too much", "c4");
        Step(GxChaincode.LoanPool.ApplyForLoan, "dayo", "150000000", Collateral, "90");
        var loanId = LedgerEventJson.Deserialize<LoanApplicationReceived>(ledger.LastStub!.Events[0].Payload).LoanId;
        Step(GxChaincode.LoanPool.ApproveLoan, loanId);
        Step(GxChaincode.LoanPool.RepayLoan, loanId, "50000001");
        Step(GxChaincode.Organization.ProposeOrganization, "alice", "coop", "Coop", "nonprofit", JsonSerializer.Serialize(new[] { "alice", "bob" }));
        Step(GxChaincode.Organization.EndorseMembership, "coop", "bob");
        Step(GxChaincode.Organization.ActivateOrganization, "coop", "alice");
        Step(GxChaincode.Organization.DefineAuthRule, "coop", "alice", "1", "2", JsonSerializer.Serialize(new[] { "alice", "bob" }));
        Step(Tokenomics.TransferWithFees, "bob", "coop", "200000000", "", "c5");
        Step(GxChaincode.Organization.InitiateMultiSigTx, "coop", "alice", "chidi", "150000003", "");
        var pendingId = LedgerEventJson.Deserialize<MultiSigTxInitiated>(ledger.LastStub!.Events[0].Payload).PendingTxId;
        Step(GxChaincode.Organization.ApproveMultiSigTx, pendingId, "bob");
        ledger.Now = Genesis.AddDays(400);
        Step(GxChaincode.Tax.ApplyVelocityTax, "bob");
        Step(GxChaincode.Tax.ApplyVelocityTax, "chidi");
        Step(GxChaincode.Governance.SubmitProposal, "admin", "t", "d", GxParameters.VotingPeriodDays, "7");
        return log;
    }

    [Fact]
    public void Sum_of_all_balances_equals_the_total_supply_after_a_mixed_sequence()
    {
        var ledger = new ChaincodeHarness();
        var log = RunScenario(ledger);

        Assert.Equal(GxSupply.TotalSupplyQirat, ledger.SumOfBalances());
        Assert.Equal(1, log.Count(step => step.Status != 200));          // only the overdraft was refused
        Assert.All(log.Where(step => step.Status == 200), step => Assert.NotEmpty(step.Events));
        var total = GxSupply.InitialPools.Select(p => ledger.Balance(p.Account)).Sum()
            + new[] { "alice", "bob", "chidi", "dayo", "coop", "treasury:US", "treasury:NG" }.Sum(ledger.Balance);
        Assert.Equal(GxSupply.TotalSupplyQirat, total);
    }

    [Fact]
    public void Same_transactions_give_the_same_ids_events_and_state()
    {
        var first = new ChaincodeHarness();
        var second = new ChaincodeHarness();
        Assert.Equal(RunScenario(first), RunScenario(second));
        Assert.Equal(first.World.State.Keys, second.World.State.Keys);
        Assert.Equal(first.World.State.Values.Select(Text), second.World.State.Values.Select(Text));
    }

    [Fact]
    public void Ids_derive_from_the_transaction_id()
    {
        var ledger = new ChaincodeHarness().Bootstrapped(("US", 10m));
        ledger.CreateUser("alice");
        string Apply(string txId) => LedgerEventJson.Deserialize<LoanApplicationReceived>(
            ledger.InvokeAs(txId, GxChaincode.LoanPool.ApplyForLoan, "alice", Qirat(100 * Coin), Collateral, "80").Payload).LoanId;

        var a = Apply("tx-A");
        var b = Apply("tx-B");
        Assert.NotEqual(a, b);
        Assert.True(Guid.TryParse(a, out _));
        var replay = new ChaincodeHarness().Bootstrapped(("US", 10m));
        replay.CreateUser("alice");
        Assert.Equal(a, LedgerEventJson.Deserialize<LoanApplicationReceived>(
            replay.InvokeAs("tx-A", GxChaincode.LoanPool.ApplyForLoan, "alice", Qirat(100 * Coin), Collateral, "80").Payload).LoanId);
    }

    [Fact]
    public void A_refused_transaction_writes_nothing_and_emits_nothing()
    {
        var ledger = new ChaincodeHarness().Bootstrapped(("US", 10m));
        ledger.CreateUser("alice");
        ledger.CreateUser("bob");
        // The command id guard is written before the balance check fails: buffering must drop it.
        ledger.Refused(409, Tokenomics.TransferWithFees, "alice", "bob", Qirat(501 * Coin), "", "cmd-x");
        Assert.Empty(ledger.LastStub!.Writes);
        Assert.Empty(ledger.LastStub.Events);
        ledger.Submit<TransferWithFeesCompleted>(Tokenomics.TransferWithFees, "alice", "bob", Qirat(Coin), "", "cmd-x");
    }
}
