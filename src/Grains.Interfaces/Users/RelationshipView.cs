namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>
/// A link from the user who asked (<see cref="FromUserId"/>) to the user who may confirm or reject it; status PENDING,
/// CONFIRMED or REJECTED.
/// </summary>
[GenerateSerializer, Immutable, Alias("gx.RelationshipView")]
public sealed record RelationshipView(
    [property: Id(0)] Guid RelationshipId,
    [property: Id(1)] Guid FromUserId,
    [property: Id(2)] Guid ToUserId,
    [property: Id(3)] string Type,
    [property: Id(4)] string Status,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset? ConfirmedAt,
    [property: Id(7)] DateTimeOffset? RejectedAt = null)
{
    public const string Pending = "PENDING";
    public const string Confirmed = "CONFIRMED";
    public const string Rejected = "REJECTED";

    public static IReadOnlyList<string> Statuses { get; } = [Pending, Confirmed, Rejected];

    /// <summary>Whether <paramref name="userId"/> is one of the two users the link joins.</summary>
    public bool Joins(Guid userId) => FromUserId == userId || ToUserId == userId;
}
