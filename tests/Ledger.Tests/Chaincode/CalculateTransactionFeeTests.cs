using GxProtocol.Fabric.Contract;
using static GxProtocol.Ledger.Tests.Chaincode.ChaincodeHarness;
using Tax = GxProtocol.Fabric.Contract.GxChaincode.Tax;

namespace GxProtocol.Ledger.Tests.Chaincode;

public sealed class CalculateTransactionFeeTests
{
    private readonly ChaincodeHarness ledger = new ChaincodeHarness().Bootstrapped(("US", 10m), ("NG", 5m));

    public CalculateTransactionFeeTests()
    {
        ledger.CreateUser("alice", "US");
        ledger.CreateUser("bob", "US");
        ledger.CreateUser("chidi", "NG");
        ledger.Role = GxRoles.PartnerApi;
    }

    [Theory]
    [InlineData("alice", "bob", "TRANSFER", 10, 100_000, 50_000)]
    [InlineData("alice", "chidi", "TRANSFER", 25, 250_000, 125_000)]
    [InlineData("alice", "treasury:US", "TRANSFER", 0, 0, 0)]
    [InlineData("", "", "TRANSFER", 10, 100_000, 50_000)]
    [InlineData("", "", "ORGANIZATION", 10, 100_000, 100_000)]
    [InlineData("", "", "SYSTEM", 0, 0, 0)]
    [InlineData("alice", "nobody", "", 10, 100_000, 50_000)]
    public void Quote_matches_the_transfer_rule(string from, string to, string type, int bps, long fee, long fromSender)
    {
        var quote = ledger.Evaluate<FeeQuoteResult>(Tax.CalculateTransactionFee, Qirat(100 * Coin + 1), from, to, type);
        Assert.Equal((bps, fee, fromSender), (quote.FeeBps, quote.Fee, quote.FeeFromSender));
        Assert.Equal(100 * Coin + 1 + fromSender, quote.SenderDebit);
    }

    [Fact]
    public void Quote_equals_what_the_transfer_then_charges()
    {
        var quote = ledger.Evaluate<FeeQuoteResult>(Tax.CalculateTransactionFee, Qirat(123_456_789), "alice", "chidi", "TRANSFER");
        var done = ledger.Submit<TransferWithFeesCompleted>(GxChaincode.Tokenomics.TransferWithFees, "alice", "chidi", Qirat(123_456_789), "", "");
        Assert.Equal((quote.Fee, quote.FeeFromSender, quote.FeeFromReceiver, quote.NetReceived), (done.Fee, done.FeeFromSender, done.FeeFromReceiver, done.NetReceived));
    }

    [Theory]
    [InlineData("0", "TRANSFER")]
    [InlineData("abc", "TRANSFER")]
    [InlineData("1000", "GIFT")]
    public void Bad_input_is_a_bad_request(string amount, string type) =>
        ledger.Refused(400, Tax.CalculateTransactionFee, amount, "", "", type);
}
