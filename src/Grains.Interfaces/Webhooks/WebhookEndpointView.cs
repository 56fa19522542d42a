namespace GxProtocol.Grains.Interfaces.Webhooks;

/// <summary>A registered endpoint as the API shows it: never its secret, only the secret's last four characters.</summary>
[GenerateSerializer, Immutable, Alias("gx.WebhookEndpointView")]
public sealed record WebhookEndpointView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Uri Url,
    [property: Id(2)] IReadOnlyList<string> Events,
    [property: Id(3)] string SecretHint,
    [property: Id(4)] Guid CreatedBy,
    [property: Id(5)] DateTimeOffset CreatedAt);
