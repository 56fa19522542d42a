using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GxProtocol.Grains.Interfaces.Webhooks;

namespace GxProtocol.Grains.Webhooks;

/// <summary>What a delivery sends: its id, derived from endpoint and occurrence, and its JSON body.</summary>
public static class WebhookBodies
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The same occurrence published twice to the same endpoint gets the same id, so the second is recognised as the
    /// first and never delivered again; receivers can deduplicate on X-GX-Delivery for the same reason.
    /// </summary>
    public static Guid DeliveryId(Guid endpointId, string eventKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{endpointId:N}/{eventKey}"));
        // RFC 9562 version 8 (custom) with the RFC variant, so the id reads as a well-formed UUID.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    public static WebhookDelivery NewDelivery(Guid endpointId, WebhookEvent webhookEvent, DateTimeOffset now)
    {
        var id = DeliveryId(endpointId, webhookEvent.Key);
        var body = JsonSerializer.Serialize(new { id, type = webhookEvent.Type, occurredAt = webhookEvent.OccurredAt, data = webhookEvent.Data }, Json);
        return new WebhookDelivery(id, endpointId, webhookEvent.Type, body, now) { NextAttemptAt = now };
    }
}
