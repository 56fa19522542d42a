namespace GxProtocol.Grains.Interfaces.Webhooks;

/// <summary>
/// One event on its way to one endpoint: the body is fixed when the delivery is created, so every attempt sends (and
/// signs) the same bytes under the same delivery id.
/// </summary>
[GenerateSerializer, Immutable, Alias("gx.WebhookDelivery")]
public sealed record WebhookDelivery(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid EndpointId,
    [property: Id(2)] string EventType,
    [property: Id(3)] string Body,
    [property: Id(4)] DateTimeOffset CreatedAt)
{
    [Id(5)] public string Status { get; init; } = WebhookDeliveryStatuses.Pending;

    [Id(6)] public IReadOnlyList<WebhookAttempt> Attempts { get; init; } = [];

    [Id(7)] public DateTimeOffset? NextAttemptAt { get; init; }
}
