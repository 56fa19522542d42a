namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>
/// A user's trust score with its parts (GxRules.ScoreTrust; TrustScore in the grains counts the links).
/// VerificationPoints is the base part; RelationshipPoints is family + business + friends, each capped.
/// FamilyLinks, BusinessLinks and FriendLinks count confirmed links per part group.
/// </summary>
[GenerateSerializer, Immutable, Alias("gx.TrustScoreView")]
public sealed record TrustScoreView(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] int Score,
    [property: Id(2)] int VerificationPoints,
    [property: Id(3)] int RelationshipPoints,
    [property: Id(4)] int FamilyLinks,
    [property: Id(5)] int BusinessLinks,
    [property: Id(6)] int FriendLinks,
    [property: Id(7)] int FamilyPoints = 0,
    [property: Id(8)] int BusinessPoints = 0,
    [property: Id(9)] int FriendPoints = 0,
    [property: Id(10)] int ParentLinks = 0,
    [property: Id(11)] int SpouseLinks = 0,
    [property: Id(12)] int SiblingLinks = 0,
    [property: Id(13)] int ChildLinks = 0);
