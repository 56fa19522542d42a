namespace GxProtocol.Grains.Interfaces.Notifications;

/// <summary>A notification to write; the store gives it its id.</summary>
[GenerateSerializer, Immutable, Alias("gx.NotificationDraft")]
public sealed record NotificationDraft(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Message,
    [property: Id(3)] IReadOnlyDictionary<string, string> Data,
    [property: Id(4)] DateTimeOffset CreatedAt);
