namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>The profile fields a user may change; null leaves a field as it is.</summary>
[GenerateSerializer, Immutable, Alias("gx.ProfileChanges")]
public sealed record ProfileChanges(
    [property: Id(0)] string? FirstName,
    [property: Id(1)] string? LastName,
    [property: Id(2)] string? PhoneNum);
