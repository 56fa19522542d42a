namespace GxProtocol.Grains.Interfaces.Webhooks;

/// <summary>A super admin's request to deliver <paramref name="Events"/> to <paramref name="Url"/>, signed with <paramref name="Secret"/>.</summary>
[GenerateSerializer, Immutable, Alias("gx.WebhookRegistration")]
public sealed record WebhookRegistration(
    [property: Id(0)] Uri Url,
    [property: Id(1)] IReadOnlyList<string> Events,
    [property: Id(2)] string Secret);
