namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>A validated registration; the password arrives already hashed by the frontend.</summary>
[GenerateSerializer, Immutable, Alias("gx.RegisterUser")]
public sealed record RegisterUser(
    [property: Id(0)] string Email,
    [property: Id(1)] string PasswordHash,
    [property: Id(2)] string FirstName,
    [property: Id(3)] string LastName,
    [property: Id(4)] string? PhoneNum,
    [property: Id(5)] string? IdentityNum,
    [property: Id(6)] string NationalityCountryCode,
    [property: Id(7)] DateOnly DateOfBirth,
    [property: Id(8)] UserRole Role = UserRole.User);
