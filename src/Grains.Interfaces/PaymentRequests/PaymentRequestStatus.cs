namespace GxProtocol.Grains.Interfaces.PaymentRequests;

/// <summary>
/// Where a payment request is. PAYING: a payer's transfer was accepted and the ledger has not answered yet; a refusal
/// by the ledger returns the request to OPEN (or EXPIRED, when its time ran out meanwhile) so it can be paid again.
/// </summary>
public static class PaymentRequestStatus
{
    public const string Open = "OPEN";
    public const string Paying = "PAYING";
    public const string Paid = "PAID";
    public const string Expired = "EXPIRED";
    public const string Cancelled = "CANCELLED";
}
