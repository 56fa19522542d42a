using System.Text.Json.Serialization;

namespace GxProtocol.ApiFrontends.Domain.Money;

/// <summary>
/// An amount that must be above zero: transfers, loans, repayments. Binding refuses "0" so every handler can
/// rely on it. A missing field is caught by required constructor parameters, not by this type.
/// </summary>
[JsonConverter(typeof(PositiveCoinAmountJsonConverter))]
public readonly record struct PositiveCoinAmount
{
    public PositiveCoinAmount(long qirat)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(qirat);
        Qirat = qirat;
    }

    public long Qirat { get; }

    public static PositiveCoinAmount FromQirat(long qirat) => new(qirat);

    public static implicit operator CoinAmount(PositiveCoinAmount amount) => new(amount.Qirat);

    public override string ToString() => CoinFormat.ToCoins(Qirat);
}
