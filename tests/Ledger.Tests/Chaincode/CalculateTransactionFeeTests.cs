using GxProtocol.Contract;
using static GxProtocol.Ledger.Tests.Chaincode.ChaincodeHarness;
using Tax = GxProtocol.Contract.GxChaincode.Tax;

namespace GxProtocol.Ledger.Tests.Chaincode;

public sealed class CalculateTransactionFeeTests
{
    private readonly ChaincodeHarness _ledger = new ChaincodeHarness().Bootstrapped(("US", 10m), ("NG", 5m));

    public CalculateTransactionFeeTests()
    {
        _ledger.CreateUser("alice", "US");
        _ledger.CreateUser("bob", "US");
        _ledger.CreateUser("chidi", "NG");
        _ledger.Role = CallerRoles.PartnerApi;
    }

    [Theory]
    [InlineData("alice", "bob", "TRANSFER", 10, 100_000, 50_000)]
    [InlineData("alice", "chidi", "TRANSFER", 25, 250_000, 125_000)]
    [InlineData("", "", "TRANSFER", 10, 100_000, 50_000)]
    [InlineData("", "", "ORGANIZATION", 10, 100_000, 100_000)]
    [InlineData("", "", "SYSTEM", 0, 0, 0)]
    public void Quote_matches_the_transfer_rule(string from, string to, string type, int bps, long fee, long fromSender)
    {
        var quote = _ledger.Evaluate<FeeQuoteResult>(Tax.CalculateTransactionFee, Qirat(100 * Coin + 1), from, to, type);
        Assert.Equal((bps, fee, fromSender), (quote.FeeBps, quote.Fee, quote.FeeFromSender));
        Assert.Equal(100 * Coin + 1 + fromSender, quote.SenderDebit);
    }

    [Fact]
    public void Quote_equals_what_the_transfer_then_charges()
    {
        var quote = _ledger.Evaluate<FeeQuoteResult>(Tax.CalculateTransactionFee, Qirat(123_456_789), "alice", "chidi", "TRANSFER");
        var done = _ledger.Submit<TransferWithFeesCompleted>(GxChaincode.Tokenomics.TransferWithFees, "alice", "chidi", Qirat(123_456_789), "", "");
        Assert.Equal((quote.Fee, quote.FeeFromSender, quote.FeeFromReceiver, quote.NetReceived), (done.Fee, done.FeeFromSender, done.FeeFromReceiver, done.NetReceived));
    }

    [Theory]
    [InlineData("", "", "US", "US", "TRANSFER", true, 10, 50_000)]
    [InlineData("", "", "US", "NG", "TRANSFER", false, 25, 125_000)]
    [InlineData("", "", "US", "NG", "ORGANIZATION", false, 25, 250_000)]
    [InlineData("alice", "", "", "NG", "TRANSFER", false, 25, 125_000)]
    [InlineData("alice", "", "", "us", "TRANSFER", true, 10, 50_000)]
    [InlineData("", "chidi", "NG", "", "TRANSFER", true, 10, 50_000)]
    public void A_side_may_be_named_by_its_country(string from, string to, string fromCountry, string toCountry, string type, bool same, int bps, long fromSender)
    {
        var quote = _ledger.Evaluate<FeeQuoteResult>(Tax.CalculateTransactionFee, Qirat(100 * Coin + 1), from, to, type, fromCountry, toCountry);
        Assert.Equal((same, bps, fromSender), (quote.SameCountry, quote.FeeBps, quote.FeeFromSender));
    }

    [Theory]
    [InlineData("treasury:US", "alice")]
    [InlineData("alice", "pool:operationsFund")]
    [InlineData("pool:charitable", "")]
    public void System_accounts_are_not_quoted(string from, string to)
    {
        var refused = _ledger.Refused(400, Tax.CalculateTransactionFee, Qirat(100 * Coin), from, to, "TRANSFER");
        Assert.Contains(from.Contains(':') ? "fromUserId" : "toUserId", refused.Message);
        // Refused before the pool is read: its balance is assembled from a range of credit keys.
        Assert.DoesNotContain(_ledger.LastStub!.Reads, read => read.Contains("pool:", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_account_is_not_found_rather_than_quoted_as_domestic() =>
        _ledger.Refused(404, Tax.CalculateTransactionFee, Qirat(100 * Coin), "alice", "nobody", "TRANSFER");

    [Theory]
    [InlineData("alice", "", "US", "")]
    [InlineData("", "", "USA", "")]
    [InlineData("", "", "", "1")]
    public void A_side_named_twice_or_a_malformed_country_is_a_bad_request(string from, string to, string fromCountry, string toCountry) =>
        _ledger.Refused(400, Tax.CalculateTransactionFee, Qirat(100 * Coin), from, to, "TRANSFER", fromCountry, toCountry);

    [Theory]
    [InlineData("0", "TRANSFER")]
    [InlineData("abc", "TRANSFER")]
    [InlineData("1000", "GIFT")]
    public void Bad_input_is_a_bad_request(string amount, string type) =>
        _ledger.Refused(400, Tax.CalculateTransactionFee, amount, "", "", type);
}
