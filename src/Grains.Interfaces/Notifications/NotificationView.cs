namespace GxProtocol.Grains.Interfaces.Notifications;

/// <summary>
/// One entry of a user's inbox. <see cref="Id"/> grows with every notification the backend writes (any user), so it
/// orders an inbox and is the SSE event id a client resumes from. <see cref="Data"/> holds what the message names
/// (amounts in coins, counterparties, ids).
/// </summary>
[GenerateSerializer, Immutable, Alias("gx.NotificationView")]
public sealed record NotificationView(
    [property: Id(0)] long Id,
    [property: Id(1)] Guid UserId,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Message,
    [property: Id(4)] IReadOnlyDictionary<string, string> Data,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset? ReadAt);
