using System.Text;
using GxProtocol.Fabric;

namespace GxProtocol.Ledger.Tests.Gateway;

public sealed class SubmitEvaluateTests
{
    [Fact]
    public async Task Submitted_transaction_commits_and_is_visible_to_evaluate_and_commit_status()
    {
        await using var ledger = await LedgerFixture.StartAsync();
        string commandId = Guid.NewGuid().ToString();

        var committed = await ledger.Client.SubmitAsync(commandId, "KV:Put", ["alice", "42"]);

        Assert.Equal(ledger.Client.TransactionIdFor(commandId), committed.TransactionId);
        Assert.Equal(committed.TransactionId, Encoding.UTF8.GetString(committed.Result));
        Assert.True(committed.BlockNumber >= 1);
        Assert.Equal("42", Encoding.UTF8.GetString(await ledger.Client.EvaluateAsync("KV:Get", ["alice"])));
        var status = await ledger.Client.GetCommitStatusAsync(committed.TransactionId);
        Assert.True(status.IsValid);
        Assert.Equal(committed.BlockNumber, status.BlockNumber);
        Assert.Equal("42", Encoding.UTF8.GetString(ledger.Host.Ledger.GetState("alice")!));
    }

    [Fact]
    public async Task Chaincode_rejection_is_a_permanent_endorsement_failure_with_the_chaincode_status_and_endpoint_details()
    {
        await using var ledger = await LedgerFixture.StartAsync();

        var failure = await Assert.ThrowsAsync<LedgerEndorsementException>(
            () => ledger.Client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Transfer", ["nobody", "bob", "5"]));

        Assert.Equal(400, failure.ChaincodeStatus);
        Assert.False(failure.IsTransient);
        var detail = Assert.Single(failure.Details);
        Assert.Equal(ledger.Host.Options.PeerMspId, detail.MspId);
        Assert.Equal(ledger.Host.Endpoint.Authority, detail.Address);
        Assert.Contains("chaincode response 400, insufficient balance in nobody", detail.Message);
    }

    [Fact]
    public async Task Evaluate_rejection_carries_the_chaincode_status()
    {
        await using var ledger = await LedgerFixture.StartAsync();

        var failure = await Assert.ThrowsAsync<LedgerEndorsementException>(() => ledger.Client.EvaluateAsync("KV:Fail", ["404", "no such thing"]));

        Assert.Equal(404, failure.ChaincodeStatus);
        Assert.Contains("no such thing", failure.Message);
    }

    [Fact]
    public async Task Chaincode_sees_the_role_configured_for_the_caller()
    {
        await using var ledger = await LedgerFixture.StartAsync();

        var whoami = Encoding.UTF8.GetString(await ledger.Client.EvaluateAsync("KV:Whoami", []));

        Assert.Equal($"{LedgerFixture.ClientMspId}/super_admin", whoami);
    }
}
