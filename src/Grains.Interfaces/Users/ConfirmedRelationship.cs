namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>
/// A confirmed link as each of its two users keeps it: what the trust score counts. <see cref="Type"/> is the link's
/// kind as its asker named it; <see cref="Invited"/> says this user was the one asked, so a FATHER link makes this user
/// the parent (a child link for them). Links stored before Invited existed read false, and their kinds (family,
/// business, friend) are symmetric.
/// </summary>
[GenerateSerializer, Immutable, Alias("gx.ConfirmedRelationship")]
public sealed record ConfirmedRelationship(
    [property: Id(0)] Guid RelationshipId,
    [property: Id(1)] Guid OtherUserId,
    [property: Id(2)] string Type,
    [property: Id(3)] bool Invited = false);
