namespace GxProtocol.Grains.Interfaces.Webhooks;

/// <summary>What a delivery needs of its endpoint: where to POST and what to sign with.</summary>
[GenerateSerializer, Immutable, Alias("gx.WebhookSubscriber")]
public sealed record WebhookSubscriber(
    [property: Id(0)] Guid EndpointId,
    [property: Id(1)] Uri Url,
    [property: Id(2)] string Secret);
