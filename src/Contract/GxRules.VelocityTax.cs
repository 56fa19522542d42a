namespace GxProtocol.Contract;

/// <summary>A velocity tax charge: the national treasury gets the odd Qirat, the charitable pool the rounded-down half.</summary>
public sealed record VelocityTaxCharge(int RateBps, long Tax, long ToTreasury, long ToCharitable)
{
    public static VelocityTaxCharge None { get; } = new(0, 0, 0, 0);
}

public static partial class GxRules
{
    /// <summary>Wallets at or below this balance are never taxed.</summary>
    public const long VelocityTaxFloorQirat = 100 * GxChaincode.QiratPerCoin;

    // Bands by balance strictly above the lower bound, highest first.
    private static readonly (long AboveQirat, int RateBps)[] VelocityTaxBands =
    [
        (100_000 * GxChaincode.QiratPerCoin, 600),
        (50_000 * GxChaincode.QiratPerCoin, 550),
        (25_000 * GxChaincode.QiratPerCoin, 450),
        (10_000 * GxChaincode.QiratPerCoin, 400),
        (5_000 * GxChaincode.QiratPerCoin, 350),
        (1_000 * GxChaincode.QiratPerCoin, 300),
        (100 * GxChaincode.QiratPerCoin, 250),
    ];

    /// <summary>The band rate for a balance: &gt;100 coins 2.5%, &gt;1k 3%, &gt;5k 3.5%, &gt;10k 4%, &gt;25k 4.5%, &gt;50k 5.5%, &gt;100k 6%.</summary>
    public static int VelocityTaxRateBps(long balanceQirat)
    {
        foreach (var (above, rate) in VelocityTaxBands)
        {
            if (balanceQirat > above)
            {
                return rate;
            }
        }

        return 0;
    }

    /// <summary>
    /// Whether a wallet is due: it holds more than 100 coins and has made no outgoing transfer (nor been taxed)
    /// for at least <paramref name="periodDays"/> days, counted from <paramref name="idleSince"/> to the
    /// transaction time <paramref name="now"/>.
    /// </summary>
    public static bool IsVelocityTaxDue(long balanceQirat, DateTimeOffset idleSince, DateTimeOffset now, int periodDays) =>
        balanceQirat > VelocityTaxFloorQirat && now - idleSince >= TimeSpan.FromDays(periodDays);

    /// <summary>The tax on a balance (rounded down to whole Qirat) and its split.</summary>
    public static VelocityTaxCharge ComputeVelocityTax(long balanceQirat)
    {
        var rate = VelocityTaxRateBps(balanceQirat);
        if (rate == 0)
        {
            return VelocityTaxCharge.None;
        }

        var tax = (long)((Int128)balanceQirat * rate / 10_000);
        var toCharitable = tax / 2;
        return new(rate, tax, tax - toCharitable, toCharitable);
    }
}
