namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>One step of a user's status history: the status they reached and when the backend saw it.</summary>
[GenerateSerializer, Immutable, Alias("gx.UserStatusChange")]
public sealed record UserStatusChange([property: Id(0)] string Status, [property: Id(1)] DateTimeOffset At);
