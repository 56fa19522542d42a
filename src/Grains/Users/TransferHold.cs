using GxProtocol.Contract;

namespace GxProtocol.Grains.Users;

/// <summary>What a pending transfer holds from the sender's wallet: the amount plus the sender's share of the fee.</summary>
public static class TransferHold
{
    /// <summary>
    /// <paramref name="kind"/>: person to person splits the fee, a payment to an organization leaves all of it to the
    /// sender; <paramref name="feeBps"/> is the current transactionFeeBps.
    /// </summary>
    public static long For(long amountQirat, string senderCountry, string recipientCountry, TransferKind kind = TransferKind.PersonToPerson,
        int feeBps = GxParameters.DefaultTransactionFeeBps)
    {
        var sameCountry = string.Equals(senderCountry, recipientCountry, StringComparison.OrdinalIgnoreCase);
        return amountQirat + GxRules.QuoteTransferFee(amountQirat, sameCountry, kind, feeBps).FeeFromSender;
    }
}
