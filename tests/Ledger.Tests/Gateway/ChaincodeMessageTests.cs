using GxProtocol.Fabric;

namespace GxProtocol.Ledger.Tests.Gateway;

/// <summary>
/// A chaincode refusal carries the chaincode's own sentence apart from the gateway's wording, so callers (the grains'
/// ledger queries) never re-parse the summary.
/// </summary>
public sealed class ChaincodeMessageTests
{
    [Fact]
    public async Task Evaluate_rejection_carries_the_chaincode_message_alone()
    {
        await using var ledger = await LedgerFixture.StartAsync();

        var failure = await Assert.ThrowsAsync<LedgerEndorsementException>(
            () => ledger.Client.EvaluateAsync("KV:Fail", ["404", "no such thing, [not] even close"]));

        Assert.Equal(404, failure.ChaincodeStatus);
        Assert.Equal("no such thing, [not] even close", failure.ChaincodeMessage);
        Assert.NotEqual(failure.ChaincodeMessage, failure.Message);
    }

    [Fact]
    public async Task Submit_rejection_carries_the_chaincode_message_alone()
    {
        await using var ledger = await LedgerFixture.StartAsync();

        var failure = await Assert.ThrowsAsync<LedgerEndorsementException>(
            () => ledger.Client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Fail", ["409", "taken"]));

        Assert.Equal(409, failure.ChaincodeStatus);
        Assert.Equal("taken", failure.ChaincodeMessage);
    }
}
