using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Grains.Users;

/// <summary>
/// Counts a user's confirmed links per trust part and scores them with the one formula, GxRules.ScoreTrust (API.md:
/// base 10 while ACTIVE on chain; family up to 80 by parent 30, spouse 25, sibling 15, child 10; business 10;
/// friends 10; capped at 100). It is computed off chain because the ledger holds no relationships; the backend
/// passes the result to the chaincode (ApplyForLoan, at least 75) and checks it before votes (at least 50).
/// <para>
/// A link is seen from each side: when A names B as FATHER (or MOTHER), A has a parent (30) and B has a child (10);
/// CHILD is the reverse. Spouse, sibling, business and friend links count the same for both. Kinds stored by earlier
/// versions count as RelationshipTypes.Legacy maps them (family = sibling).
/// </para>
/// </summary>
public static class TrustScore
{
    public static TrustScoreView For(Guid userId, UserStatus status, IEnumerable<ConfirmedRelationship> confirmed)
    {
        var links = new TrustLinks();
        foreach (var link in confirmed)
        {
            links = Count(links, RelationshipTypes.Normalize(link.Type), link.Invited);
        }
        var parts = GxRules.ScoreTrust(status == UserStatus.Active, links);
        var family = links.Parents + links.Spouses + links.Siblings + links.Children;
        return new TrustScoreView(userId, parts.Score, parts.Base, parts.Family + parts.Business + parts.Friends,
            family, links.Business, links.Friends, parts.Family, parts.Business, parts.Friends,
            links.Parents, links.Spouses, links.Siblings, links.Children);
    }

    private static TrustLinks Count(TrustLinks links, string? type, bool invited) => type switch
    {
        RelationshipTypes.Father or RelationshipTypes.Mother when invited => links with { Children = links.Children + 1 },
        RelationshipTypes.Father or RelationshipTypes.Mother => links with { Parents = links.Parents + 1 },
        RelationshipTypes.Child when invited => links with { Parents = links.Parents + 1 },
        RelationshipTypes.Child => links with { Children = links.Children + 1 },
        RelationshipTypes.Spouse => links with { Spouses = links.Spouses + 1 },
        RelationshipTypes.Sibling => links with { Siblings = links.Siblings + 1 },
        RelationshipTypes.BusinessPartner or RelationshipTypes.Director or RelationshipTypes.WorkplaceAssociate
            => links with { Business = links.Business + 1 },
        RelationshipTypes.Friend => links with { Friends = links.Friends + 1 },
        // A kind no version ever accepted: counted nowhere rather than guessed.
        _ => links,
    };
}
