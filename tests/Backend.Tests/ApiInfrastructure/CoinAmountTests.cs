using System.Text.Json;
using GxProtocol.ApiFrontends.Domain.Money;
using GxProtocol.ApiFrontends.Infrastructure.Json;

namespace GxProtocol.Backend.Tests.ApiInfrastructure;

public sealed class CoinAmountTests
{
    private sealed record PositiveBody(PositiveCoinAmount Amount);

    private sealed record AnyBody(CoinAmount Amount);

    [Theory]
    [InlineData("\"12.5\"", 12_500_000L)]
    [InlineData("\"0.000001\"", 1L)]
    [InlineData("\"1\"", 1_000_000L)]
    [InlineData("\"1.000000\"", 1_000_000L)]
    [InlineData("\"007.10\"", 7_100_000L)]
    [InlineData("12.5", 12_500_000L)]
    [InlineData("0.000001", 1L)]
    [InlineData("3", 3_000_000L)]
    [InlineData("1250000000000", 1_250_000_000_000_000_000L)]
    public void Positive_amounts_parse_exactly(string json, long qirat)
    {
        var body = JsonSerializer.Deserialize<PositiveBody>($"{{\"amount\":{json}}}", GxJson.Options)!;
        Assert.Equal(qirat, body.Amount.Qirat);
    }

    [Theory]
    [InlineData("\"0\"", "greater than zero")]
    [InlineData("0", "greater than zero")]
    [InlineData("\"0.000000\"", "greater than zero")]
    [InlineData("\"-1\"", "negative")]
    [InlineData("-1", "negative")]
    [InlineData("-0.5", "negative")]
    [InlineData("\"1.0000001\"", "6 fraction digits")]
    [InlineData("0.0000001", "6 fraction digits")]
    [InlineData("1e3", "decimal number")]
    [InlineData("\"1e3\"", "decimal number")]
    [InlineData("1E-6", "decimal number")]
    [InlineData("\"1250000000000.000001\"", "more than the whole supply")]
    [InlineData("\"9223372036854.775807\"", "more than the whole supply")]
    [InlineData("\"9223372036854.775808\"", "too large")]
    [InlineData("\"99999999999999999999\"", "too large")]
    [InlineData("\"abc\"", "decimal number")]
    [InlineData("\"\"", "decimal number")]
    [InlineData("\" 1\"", "decimal number")]
    [InlineData("\"1.\"", "decimal number")]
    [InlineData("\".5\"", "decimal number")]
    [InlineData("\"1,5\"", "decimal number")]
    [InlineData("\"+1\"", "decimal number")]
    [InlineData("\"NaN\"", "decimal number")]
    [InlineData("true", "amount of coins")]
    [InlineData("null", "amount of coins")]
    [InlineData("{}", "amount of coins")]
    public void Invalid_positive_amounts_are_rejected_with_the_field_path(string json, string messagePart)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PositiveBody>($"{{\"amount\":{json}}}", GxJson.Options));
        Assert.Equal("$.amount", error.Path);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_coin_amount_accepts_zero_but_not_negatives()
    {
        Assert.Equal(0, JsonSerializer.Deserialize<AnyBody>("{\"amount\":\"0\"}", GxJson.Options)!.Amount.Qirat);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<AnyBody>("{\"amount\":\"-0.1\"}", GxJson.Options));
    }

    [Fact]
    public void Missing_amount_is_not_defaulted_to_zero()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<AnyBody>("{}", GxJson.Options));
        Assert.Contains("amount", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(12_500_000L, "12.5")]
    [InlineData(1L, "0.000001")]
    [InlineData(1_000_000L, "1")]
    [InlineData(0L, "0")]
    [InlineData(100_010_000L, "100.01")]
    [InlineData(long.MaxValue, "9223372036854.775807")]
    public void Amounts_are_written_as_coin_strings_without_trailing_zeros(long qirat, string expected)
    {
        Assert.Equal(expected, CoinFormat.ToCoins(qirat));
        Assert.Equal($"{{\"amount\":\"{expected}\"}}", JsonSerializer.Serialize(new AnyBody(new CoinAmount(qirat)), GxJson.Options));
    }

    [Fact]
    public void Negative_qirat_formats_with_a_sign_for_internal_values()
    {
        Assert.Equal("-1.5", CoinFormat.ToCoins(-1_500_000));
        Assert.Equal("-9223372036854.775808", CoinFormat.ToCoins(long.MinValue));
    }

    [Theory]
    [InlineData("12.5", true, 12_500_000L)]
    [InlineData("0", true, 0L)]
    [InlineData("0.000001", true, 1L)]
    [InlineData("-1", false, 0L)]
    [InlineData("1.1234567", false, 0L)]
    [InlineData("x", false, 0L)]
    [InlineData(null, false, 0L)]
    [InlineData("", false, 0L)]
    public void Query_strings_parse_with_TryParseCoins(string? text, bool ok, long qirat)
    {
        Assert.Equal(ok, CoinFormat.TryParseCoins(text, out var parsed));
        Assert.Equal(qirat, parsed);
    }

    [Fact]
    public void Round_trip_preserves_every_value_up_to_the_supply()
    {
        foreach (var qirat in new[] { 1L, 9L, 10L, 999_999L, 1_000_001L, 123_456_789_012L, CoinFormat.MaxQirat })
        {
            Assert.True(CoinFormat.TryParseCoins(CoinFormat.ToCoins(qirat), out var back));
            Assert.Equal(qirat, back);
        }
    }

    [Fact]
    public void Constructors_refuse_out_of_range_values()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CoinAmount(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PositiveCoinAmount(0));
        CoinAmount widened = new PositiveCoinAmount(5);
        Assert.Equal(5, widened.Qirat);
    }
}
