namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>A user's trust score with its parts (see TrustScore in the grains for the formula).</summary>
[GenerateSerializer, Immutable, Alias("gx.TrustScoreView")]
public sealed record TrustScoreView(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] int Score,
    [property: Id(2)] int VerificationPoints,
    [property: Id(3)] int RelationshipPoints,
    [property: Id(4)] int FamilyLinks,
    [property: Id(5)] int BusinessLinks,
    [property: Id(6)] int FriendLinks);
