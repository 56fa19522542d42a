namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>A confirmed link as each of its two users keeps it: what the trust score counts.</summary>
[GenerateSerializer, Immutable, Alias("gx.ConfirmedRelationship")]
public sealed record ConfirmedRelationship(
    [property: Id(0)] Guid RelationshipId,
    [property: Id(1)] Guid OtherUserId,
    [property: Id(2)] string Type);
