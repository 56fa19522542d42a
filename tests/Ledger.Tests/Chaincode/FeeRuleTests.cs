using GxProtocol.Contract;
using static GxProtocol.Ledger.Tests.Chaincode.ChaincodeHarness;

namespace GxProtocol.Ledger.Tests.Chaincode;

public sealed class FeeRuleTests
{
    [Theory]
    // same country: < 3 coins free, 3–100 coins 5 bps, > 100 coins 10 bps
    [InlineData(2_999_999, true, 0)]
    [InlineData(3_000_000, true, 5)]
    [InlineData(100_000_000, true, 5)]
    [InlineData(100_000_001, true, 10)]
    // across countries: <= 100 coins 15 bps, > 100 coins 25 bps
    [InlineData(1, false, 15)]
    [InlineData(2_999_999, false, 15)]
    [InlineData(100_000_000, false, 15)]
    [InlineData(100_000_001, false, 25)]
    public void Band_rate_changes_exactly_at_the_edges(long amountQirat, bool sameCountry, int expectedBps) =>
        Assert.Equal(expectedBps, GxRules.TransferFeeBps(amountQirat, sameCountry));

    [Theory]
    // amount, sameCountry, fee, fromSender, fromReceiver (sender pays the odd Qirat)
    [InlineData(2_999_999, true, 0, 0, 0)]
    [InlineData(3_000_000, true, 1_500, 750, 750)]
    [InlineData(100_000_000, true, 50_000, 25_000, 25_000)]
    [InlineData(100_000_001, true, 100_000, 50_000, 50_000)]
    [InlineData(100_000_000, false, 150_000, 75_000, 75_000)]
    [InlineData(100_000_001, false, 250_000, 125_000, 125_000)]
    [InlineData(3_002_000, true, 1_501, 751, 750)]
    [InlineData(1_000, false, 1, 1, 0)]
    public void Person_to_person_fee_is_rounded_down_and_split_with_the_odd_qirat_on_the_sender(
        long amountQirat, bool sameCountry, long fee, long fromSender, long fromReceiver)
    {
        var quote = GxRules.QuoteTransferFee(amountQirat, sameCountry, TransferKind.PersonToPerson);
        Assert.Equal(new[] { fee, fromSender, fromReceiver }, new[] { quote.Fee, quote.FeeFromSender, quote.FeeFromReceiver });
        Assert.Equal(quote.Fee, quote.FeeFromSender + quote.FeeFromReceiver);
    }

    [Fact]
    public void Organization_sender_pays_the_whole_fee()
    {
        var quote = GxRules.QuoteTransferFee(200 * Coin, sameCountry: true, TransferKind.Organization);
        Assert.Equal(new FeeQuote(10, 200_000, 200_000, 0), quote);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2_999_999)]
    [InlineData(500_000_000_000)]
    public void System_transfers_are_exempt(long amountQirat) =>
        Assert.Equal(FeeQuote.None, GxRules.QuoteTransferFee(amountQirat, sameCountry: false, TransferKind.System));

    [Theory]
    [InlineData(5_000, 200_000_000, 20_000_000)]     // 50% standard rate: capped at 10%
    [InlineData(1_000, 200_000_000, 20_000_000)]     // exactly 10%: the cap does not bite
    [InlineData(999, 200_000_000, 19_980_000)]       // below 10%: the rate applies
    [InlineData(10_000, 100_000_009, 10_000_000)]    // 100%: cap, rounded down
    public void Fee_never_exceeds_ten_percent_of_the_amount(int standardBps, long amountQirat, long expectedFee)
    {
        var quote = GxRules.QuoteTransferFee(amountQirat, sameCountry: true, TransferKind.PersonToPerson, standardBps);
        Assert.Equal(expectedFee, quote.Fee);
        Assert.True(quote.Fee <= amountQirat / 10);
    }

    [Fact]
    public void Largest_amounts_do_not_overflow() =>
        Assert.Equal(GxSupply.TotalSupplyQirat / 10_000 * 25,
            GxRules.QuoteTransferFee(GxSupply.TotalSupplyQirat, sameCountry: false, TransferKind.PersonToPerson).Fee);

    [Theory]
    [InlineData("pool:loan", false, "alice", false, TransferKind.System)]
    [InlineData("alice", false, "treasury:US", false, TransferKind.System)]
    [InlineData("alice", false, "bob", false, TransferKind.PersonToPerson)]
    [InlineData("org-1", true, "bob", false, TransferKind.Organization)]
    [InlineData("alice", false, "org-1", true, TransferKind.Organization)]
    public void Kind_follows_the_account_types(string from, bool fromOrg, string to, bool toOrg, TransferKind expected) =>
        Assert.Equal(expected, GxRules.KindOf(from, fromOrg, to, toOrg));
}
