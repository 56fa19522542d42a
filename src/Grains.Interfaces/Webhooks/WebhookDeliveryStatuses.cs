namespace GxProtocol.Grains.Interfaces.Webhooks;

public static class WebhookDeliveryStatuses
{
    public const string Pending = "PENDING";
    public const string Delivered = "DELIVERED";

    /// <summary>Every attempt failed, or the endpoint was deleted or its host is no longer allowed.</summary>
    public const string Failed = "FAILED";
}
