using System.Globalization;

namespace GxProtocol.ApiFrontends.Domain.Money;

/// <summary>
/// Text form of amounts: coins as a plain decimal with at most six fraction digits, 1 coin = 1,000,000 Qirat.
/// Parsing is done by hand on digits, never through double or decimal, so no value is ever rounded.
/// </summary>
public static class CoinFormat
{
    public const long QiratPerCoin = 1_000_000;
    public const int MaxFractionDigits = 6;

    public static string ToCoins(long qirat)
    {
        // long.MinValue has no positive counterpart, so work on the magnitude as ulong.
        var negative = qirat < 0;
        var magnitude = negative ? (ulong)(-(qirat + 1)) + 1 : (ulong)qirat;
        var whole = magnitude / QiratPerCoin;
        var fraction = magnitude % QiratPerCoin;
        var text = whole.ToString(CultureInfo.InvariantCulture);
        if (fraction != 0)
        {
            text += "." + fraction.ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0');
        }
        return negative ? "-" + text : text;
    }

    /// <summary>Parses a non-negative coin amount ("12.5", "0.000001", "7"); for query strings and headers.</summary>
    /// <summary>The fixed supply, 1.25e12 coins: no amount can be larger.</summary>
    public const long MaxQirat = 1_250_000_000_000L * QiratPerCoin;

    public static bool TryParseCoins(string? text, out long qirat) => TryParse(text, out qirat, out _);

    /// <summary>Like <see cref="TryParseCoins"/> but says why the text was refused, for error messages.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long qirat, out string? error)
    {
        qirat = 0;
        if (text.IsEmpty)
        {
            error = "must be a decimal number of coins such as \"12.5\".";
            return false;
        }
        if (text[0] == '-')
        {
            error = "must not be negative.";
            return false;
        }

        var dot = text.IndexOf('.');
        var wholeDigits = dot < 0 ? text : text[..dot];
        var fractionDigits = dot < 0 ? ReadOnlySpan<char>.Empty : text[(dot + 1)..];
        if (wholeDigits.IsEmpty || !IsAsciiDigits(wholeDigits) || (dot >= 0 && (fractionDigits.IsEmpty || !IsAsciiDigits(fractionDigits))))
        {
            error = "must be a decimal number of coins such as \"12.5\" (digits, optionally one '.' and up to 6 fraction digits).";
            return false;
        }
        if (fractionDigits.Length > MaxFractionDigits)
        {
            error = "has more than 6 fraction digits (the smallest unit is 0.000001 coin).";
            return false;
        }

        long whole = 0;
        foreach (var digit in wholeDigits)
        {
            if (whole > (long.MaxValue - (digit - '0')) / 10)
            {
                error = "is too large.";
                return false;
            }
            whole = whole * 10 + (digit - '0');
        }

        long fraction = 0;
        for (var i = 0; i < MaxFractionDigits; i++)
        {
            fraction = fraction * 10 + (i < fractionDigits.Length ? fractionDigits[i] - '0' : 0);
        }

        if (whole > (long.MaxValue - fraction) / QiratPerCoin)
        {
            error = "is too large.";
            return false;
        }

        qirat = whole * QiratPerCoin + fraction;
        if (qirat > MaxQirat)
        {
            // No amount can exceed the fixed supply; refusing it here also keeps amount + fee far from overflowing.
            qirat = 0;
            error = "is too large: more than the whole supply of 1,250,000,000,000 coins.";
            return false;
        }
        error = null;
        return true;
    }

    private static bool IsAsciiDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}
