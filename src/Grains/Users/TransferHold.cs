namespace GxProtocol.Grains.Users;

/// <summary>What a pending transfer holds from the sender's wallet: the amount plus the sender's share of the fee.</summary>
public static class TransferHold
{
    // Until the chaincode's fee rule is shared, hold for the highest band (25 bps), split 50/50, rounded up.
    private const long MaxFeeBps = 25;

    public static long For(long amountQirat, string senderCountry, string recipientCountry)
    {
        var maxFee = (amountQirat * MaxFeeBps + 9_999) / 10_000;
        return amountQirat + (maxFee + 1) / 2;
    }
}
