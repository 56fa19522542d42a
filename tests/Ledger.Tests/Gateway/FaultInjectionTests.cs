using GxProtocol.DevLedger.Configuration;
using GxProtocol.DevLedger.Engine;
using GxProtocol.Fabric;

namespace GxProtocol.Ledger.Tests.Gateway;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Injected_endorsement_failures_are_transient_endorsement_exceptions()
    {
        await using var ledger = await LedgerFixture.StartAsync(options => options.Faults.EndorsementFailureRate = 1);

        var failure = await Assert.ThrowsAsync<LedgerEndorsementException>(() => ledger.Client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["k", "v"]));

        Assert.True(failure.IsTransient);
        Assert.Null(failure.ChaincodeStatus);
        Assert.Contains("fault injection", Assert.Single(failure.Details).Message);
    }

    [Fact]
    public async Task Injected_endorsement_policy_failures_commit_invalid()
    {
        await using var ledger = await LedgerFixture.StartAsync(options => options.Faults.EndorsementPolicyFailureRate = 1);

        var failure = await Assert.ThrowsAsync<LedgerCommitException>(() => ledger.Client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["k", "v"]));

        Assert.Equal(TxValidationCodes.EndorsementPolicyFailure, failure.ValidationCode);
        Assert.False(failure.IsTransient);
    }

    [Fact]
    public async Task An_outage_surfaces_as_LedgerUnavailableException_and_ends_when_the_period_ends()
    {
        await using var ledger = await LedgerFixture.StartAsync(options => options.Faults.RefuseAllCallsFor = TimeSpan.FromMinutes(5));

        var failure = await Assert.ThrowsAsync<LedgerUnavailableException>(() => ledger.Client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["k", "v"]));
        Assert.True(failure.IsTransient);
        await Assert.ThrowsAsync<LedgerUnavailableException>(() => ledger.Client.EvaluateAsync("KV:Get", ["k"]));

        ledger.Host.Ledger.Faults.RefuseCallsFor(TimeSpan.Zero);
        var committed = await ledger.Client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["k", "v"]);
        Assert.True((await ledger.Client.GetCommitStatusAsync(committed.TransactionId)).IsValid);
    }

    [Fact]
    public async Task A_deadline_passing_while_waiting_for_a_slow_commit_is_LedgerUnavailableException()
    {
        var identity = GxProtocol.Fabric.Identity.DevelopmentIdentity.Create("slow");
        await using var ledger = await LedgerFixture.StartAsync(options => options.Faults.CommitDelay = TimeSpan.FromSeconds(30), identity);
        var options = LedgerFixture.ClientOptions(ledger.Host, identity);
        options.CommitStatusTimeout = TimeSpan.FromMilliseconds(300);
        using var client = GxProtocol.Fabric.Client.FabricLedgerClient.Connect(options);

        await Assert.ThrowsAsync<LedgerUnavailableException>(() => client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["k", "v"]));
    }

    [Fact]
    public void Random_faults_are_reproducible_from_the_seed()
    {
        static List<bool> Decisions(int seed)
        {
            var injector = new FaultInjector(new DevLedgerFaultOptions { MvccConflictRate = 0.5, Seed = seed }, TimeProvider.System);
            return Enumerable.Range(0, 64).Select(_ => injector.ForceMvccConflict()).ToList();
        }

        Assert.Equal(Decisions(7), Decisions(7));
        Assert.NotEqual(Decisions(7), Decisions(8));
        Assert.Contains(true, Decisions(7));
        Assert.Contains(false, Decisions(7));
    }
}
