namespace GxProtocol.Grains.Interfaces.Users;

[GenerateSerializer, Immutable, Alias("gx.UserProfile")]
public sealed record UserProfile(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Email,
    [property: Id(2)] string FirstName,
    [property: Id(3)] string LastName,
    [property: Id(4)] string? PhoneNum,
    [property: Id(5)] string? IdentityNum,
    [property: Id(6)] string NationalityCountryCode,
    [property: Id(7)] DateOnly DateOfBirth,
    [property: Id(8)] UserStatus Status,
    [property: Id(9)] UserRole Role,
    [property: Id(10)] DateTimeOffset RegisteredAt);
