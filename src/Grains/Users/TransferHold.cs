using GxProtocol.Fabric.Contract;

namespace GxProtocol.Grains.Users;

/// <summary>What a pending transfer holds from the sender's wallet: the amount plus the sender's share of the fee.</summary>
public static class TransferHold
{
    public static long For(long amountQirat, string senderCountry, string recipientCountry)
    {
        var sameCountry = string.Equals(senderCountry, recipientCountry, StringComparison.OrdinalIgnoreCase);
        return amountQirat + GxRules.QuoteTransferFee(amountQirat, sameCountry, TransferKind.PersonToPerson).FeeFromSender;
    }
}
