using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Grains.Users;

/// <summary>
/// THE trust score formula (0..100). It is computed off chain because the ledger holds no relationships; the
/// backend passes the result to the chaincode (ApplyForLoan) and checks it before votes.
/// <list type="bullet">
/// <item>Verification: 40 while the user is ACTIVE on chain (KYC approved and registered by the ledger); 0 before
/// that, when denied, and while frozen.</item>
/// <item>Relationships: every CONFIRMED link adds family 20, business 15, friend 10; this part is capped at 60.
/// Pending links count nothing.</item>
/// <item>Score: verification + relationships, capped at 100.</item>
/// </list>
/// So a vote (at least 50) needs an active user with one confirmed friend; a loan (at least 75) needs, for
/// example, an active user with a confirmed family and a confirmed business link.
/// </summary>
public static class TrustScore
{
    public const int VerifiedPoints = 40;
    public const int FamilyPoints = 20;
    public const int BusinessPoints = 15;
    public const int FriendPoints = 10;
    public const int RelationshipCap = 60;
    public const int Max = 100;

    public static TrustScoreView For(Guid userId, UserStatus status, IEnumerable<ConfirmedRelationship> confirmed)
    {
        var links = confirmed.ToList();
        var family = links.Count(l => l.Type == RelationshipTypes.Family);
        var business = links.Count(l => l.Type == RelationshipTypes.Business);
        var friends = links.Count(l => l.Type == RelationshipTypes.Friend);
        var verification = status == UserStatus.Active ? VerifiedPoints : 0;
        var relationships = Math.Min(RelationshipCap, family * FamilyPoints + business * BusinessPoints + friends * FriendPoints);
        return new TrustScoreView(userId, Math.Min(Max, verification + relationships), verification, relationships, family, business, friends);
    }
}
