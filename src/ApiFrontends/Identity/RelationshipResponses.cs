using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.ApiFrontends.Identity;

public sealed record RelationshipResponse(
    Guid RelationshipId, Guid FromUserId, Guid ToUserId, string Type, string Status, DateTimeOffset CreatedAt, DateTimeOffset? ConfirmedAt,
    DateTimeOffset? RejectedAt)
{
    public static RelationshipResponse From(RelationshipView link) =>
        new(link.RelationshipId, link.FromUserId, link.ToUserId, link.Type, link.Status, link.CreatedAt, link.ConfirmedAt, link.RejectedAt);
}

/// <summary>The score, the points of each part (relationships already capped), and the confirmed links counted.</summary>
public sealed record TrustScoreResponse(Guid UserId, int Score, TrustScoreParts Parts, ConfirmedLinkCounts ConfirmedLinks)
{
    public static TrustScoreResponse From(TrustScoreView view) => new(view.UserId, view.Score,
        new TrustScoreParts(view.VerificationPoints, view.RelationshipPoints),
        new ConfirmedLinkCounts(view.FamilyLinks, view.BusinessLinks, view.FriendLinks));
}

public sealed record TrustScoreParts(int Verification, int Relationships);

public sealed record ConfirmedLinkCounts(int Family, int Business, int Friend);
