using System.Text.Json.Serialization;

namespace GxProtocol.ApiFrontends.Domain.Money;

/// <summary>
/// A non-negative amount of coins held as integer Qirat: balances, fees, totals, and request fields where zero is
/// meaningful. JSON: a decimal string in coins ("12.5"); requests may also send a JSON number with at most six
/// fraction digits. Request fields that must be above zero use <see cref="PositiveCoinAmount"/>.
/// </summary>
[JsonConverter(typeof(CoinAmountJsonConverter))]
public readonly record struct CoinAmount
{
    public CoinAmount(long qirat)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(qirat);
        Qirat = qirat;
    }

    public long Qirat { get; }

    public static CoinAmount Zero => default;

    public static CoinAmount FromQirat(long qirat) => new(qirat);

    public override string ToString() => CoinFormat.ToCoins(Qirat);
}
