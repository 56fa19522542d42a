namespace GxProtocol.Grains.Interfaces.Users;

[GenerateSerializer, Immutable, Alias("gx.UserCredentials")]
public sealed record UserCredentials(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Email,
    [property: Id(2)] string PasswordHash,
    [property: Id(3)] UserRole Role,
    [property: Id(4)] UserStatus Status);
