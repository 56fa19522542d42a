namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>
/// A user as the administrators' list shows them: who they are and where they stand. <see cref="Status"/> is the
/// API.md spelling (FROZEN when the ledger froze the wallet). <see cref="Sequence"/> orders the list and is fixed when
/// the user first appears.
/// </summary>
[GenerateSerializer, Immutable, Alias("gx.UserDirectoryEntry")]
public sealed record UserDirectoryEntry(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Email,
    [property: Id(2)] string FirstName,
    [property: Id(3)] string LastName,
    [property: Id(4)] string NationalityCountryCode,
    [property: Id(5)] string Status,
    [property: Id(6)] string Role,
    [property: Id(7)] string KycStatus,
    [property: Id(8)] DateTimeOffset RegisteredAt,
    [property: Id(9)] DateTimeOffset UpdatedAt,
    [property: Id(10)] long Sequence = 0);
