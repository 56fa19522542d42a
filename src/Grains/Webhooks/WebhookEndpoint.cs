using GxProtocol.Grains.Interfaces.Webhooks;

namespace GxProtocol.Grains.Webhooks;

/// <summary>A registered endpoint as stored, secret included.</summary>
[GenerateSerializer, Immutable, Alias("gx.WebhookEndpoint")]
public sealed record WebhookEndpoint(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Uri Url,
    [property: Id(2)] IReadOnlyList<string> Events,
    [property: Id(3)] string Secret,
    [property: Id(4)] Guid CreatedBy,
    [property: Id(5)] DateTimeOffset CreatedAt)
{
    public WebhookEndpointView ToView() => new(Id, Url, Events, Secret[^4..], CreatedBy, CreatedAt);

    public WebhookSubscriber ToSubscriber() => new(Id, Url, Secret);
}
