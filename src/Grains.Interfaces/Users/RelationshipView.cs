namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>A link from the user who asked (<see cref="FromUserId"/>) to the user who may confirm it; status PENDING or CONFIRMED.</summary>
[GenerateSerializer, Immutable, Alias("gx.RelationshipView")]
public sealed record RelationshipView(
    [property: Id(0)] Guid RelationshipId,
    [property: Id(1)] Guid FromUserId,
    [property: Id(2)] Guid ToUserId,
    [property: Id(3)] string Type,
    [property: Id(4)] string Status,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset? ConfirmedAt)
{
    public const string Pending = "PENDING";
    public const string Confirmed = "CONFIRMED";
}
