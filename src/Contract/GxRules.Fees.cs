namespace GxProtocol.Contract;

/// <summary>Who is on each side of a transfer, which decides who pays the fee.</summary>
public enum TransferKind
{
    /// <summary>User wallet to user wallet: the fee is split between sender and receiver.</summary>
    PersonToPerson,

    /// <summary>An organization wallet on either side: the sender pays the whole fee.</summary>
    Organization,

    /// <summary>A system pool or a national treasury on either side: no fee.</summary>
    System,
}

/// <summary>
/// A fee quote in Qirat. <see cref="FeeBps"/> is the band's rate (before the 10% cap).
/// The sender is debited amount + <see cref="FeeFromSender"/>; the receiver gets amount - <see cref="FeeFromReceiver"/>.
/// </summary>
public sealed record FeeQuote(int FeeBps, long Fee, long FeeFromSender, long FeeFromReceiver)
{
    public static FeeQuote None { get; } = new(0, 0, 0, 0);
}

/// <summary>
/// The protocol's pure rules, shared by the chaincode (which enforces them) and the backend grains (which
/// pre-check them and quote fees). No state access: every input is an argument.
/// </summary>
public static partial class GxRules
{
    public const long FeeFreeBelowQirat = 3 * GxChaincode.QiratPerCoin;
    public const long SmallTransferMaxQirat = 100 * GxChaincode.QiratPerCoin;
    public const int SameCountrySmallBps = 5;
    public const int CrossCountrySmallBps = 15;
    public const int CrossCountryLargeBps = 25;

    /// <summary>The fee never exceeds this share of the amount (10%).</summary>
    public const int MaxFeeBps = 1_000;

    /// <summary>
    /// The band rate: same country: below 3 coins 0, 3–100 coins 5 bps, above 100 coins
    /// <paramref name="standardFeeBps"/> (the governable transactionFeeBps, default 10);
    /// across countries: up to 100 coins 15 bps, above 25 bps.
    /// </summary>
    public static int TransferFeeBps(long amountQirat, bool sameCountry, int standardFeeBps = GxParameters.DefaultTransactionFeeBps)
    {
        if (sameCountry)
        {
            if (amountQirat < FeeFreeBelowQirat)
            {
                return 0;
            }

            return amountQirat <= SmallTransferMaxQirat ? SameCountrySmallBps : standardFeeBps;
        }
        return amountQirat <= SmallTransferMaxQirat ? CrossCountrySmallBps : CrossCountryLargeBps;
    }

    /// <summary>
    /// The fee for a transfer of <paramref name="amountQirat"/> (positive): rounded down to whole Qirat, capped
    /// at 10% of the amount. Person-to-person fees are split 50/50; an odd Qirat is paid by the sender,
    /// because the sender initiates the transfer and the receiver should never get less than half-fee-down.
    /// </summary>
    public static FeeQuote QuoteTransferFee(long amountQirat, bool sameCountry, TransferKind kind, int standardFeeBps = GxParameters.DefaultTransactionFeeBps)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amountQirat);
        if (kind == TransferKind.System)
        {
            return FeeQuote.None;
        }

        var bps = TransferFeeBps(amountQirat, sameCountry, standardFeeBps);
        // Int128: the amount times the rate can exceed long for the largest balances.
        var fee = (long)((Int128)amountQirat * bps / 10_000);
        var cap = (long)((Int128)amountQirat * MaxFeeBps / 10_000);
        fee = Math.Min(fee, cap);

        if (kind == TransferKind.Organization)
        {
            return new(bps, fee, fee, 0);
        }

        var fromReceiver = fee / 2;
        return new(bps, fee, fee - fromReceiver, fromReceiver);
    }

    /// <summary>The kind of a transfer between two accounts, by their names (pools and treasuries are system accounts).</summary>
    public static TransferKind KindOf(string fromAccount, bool fromIsOrganization, string toAccount, bool toIsOrganization)
    {
        if (GxSupply.IsSystemAccount(fromAccount) || GxSupply.IsSystemAccount(toAccount))
        {
            return TransferKind.System;
        }

        return fromIsOrganization || toIsOrganization ? TransferKind.Organization : TransferKind.PersonToPerson;
    }
}
