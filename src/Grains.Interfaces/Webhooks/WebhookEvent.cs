namespace GxProtocol.Grains.Interfaces.Webhooks;

/// <summary>
/// Something that happened, to be delivered to the endpoints subscribed to <paramref name="Type"/>.
/// <paramref name="Key"/> names the occurrence (a ledger position, a command's dead letter): publishing the same key
/// twice creates no second delivery, so a replayed ledger event is not delivered again.
/// </summary>
[GenerateSerializer, Immutable, Alias("gx.WebhookEvent")]
public sealed record WebhookEvent(
    [property: Id(0)] string Type,
    [property: Id(1)] string Key,
    [property: Id(2)] DateTimeOffset OccurredAt,
    [property: Id(3)] IReadOnlyDictionary<string, string> Data);
