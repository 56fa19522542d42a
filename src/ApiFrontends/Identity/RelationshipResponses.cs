using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.ApiFrontends.Identity;

public sealed record RelationshipResponse(
    Guid RelationshipId, Guid FromUserId, Guid ToUserId, string Type, string Status, DateTimeOffset CreatedAt, DateTimeOffset? ConfirmedAt,
    DateTimeOffset? RejectedAt)
{
    public static RelationshipResponse From(RelationshipView link) =>
        // Rows written before the nine kinds may still carry an old kind until their grain next activates.
        new(link.RelationshipId, link.FromUserId, link.ToUserId, RelationshipTypes.Normalize(link.Type) ?? link.Type, link.Status,
            link.CreatedAt, link.ConfirmedAt, link.RejectedAt);
}

/// <summary>
/// The score (API.md: base 10; family up to 80; business 10; friends 10; capped at 100), the points of each part
/// (each already capped), and the confirmed links counted, family ones also by kind as seen from this user.
/// </summary>
public sealed record TrustScoreResponse(Guid UserId, int Score, TrustScoreParts Parts, ConfirmedLinkCounts ConfirmedLinks)
{
    public static TrustScoreResponse From(TrustScoreView view) => new(view.UserId, view.Score,
        new TrustScoreParts(view.VerificationPoints, view.FamilyPoints, view.BusinessPoints, view.FriendPoints),
        new ConfirmedLinkCounts(view.FamilyLinks, view.BusinessLinks, view.FriendLinks,
            view.ParentLinks, view.SpouseLinks, view.SiblingLinks, view.ChildLinks));
}

/// <summary>Base is 10 while the user is ACTIVE on the ledger (0 otherwise, and then every part is 0).</summary>
public sealed record TrustScoreParts(int Base, int Family, int Business, int Friends);

public sealed record ConfirmedLinkCounts(int Family, int Business, int Friend, int Parent, int Spouse, int Sibling, int Child);
