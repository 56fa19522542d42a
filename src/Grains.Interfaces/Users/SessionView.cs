namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>
/// One live session (a login and its rotations), named by its refresh-token family: until when its current refresh
/// token may be used, and when the session ends whatever happens.
/// </summary>
[GenerateSerializer, Alias("gx.SessionView")]
public sealed record SessionView(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] DateTimeOffset IdleExpiresAt,
    [property: Id(2)] DateTimeOffset? EndsAt);
