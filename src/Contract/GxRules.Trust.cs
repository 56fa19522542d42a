namespace GxProtocol.Contract;

/// <summary>
/// THE trust score (API.md): base 10; family up to 80 (parent 30, spouse 25, sibling 15, child 10 per confirmed link);
/// business 10; friends 10; capped at 100. The ledger holds no relationships, so the backend counts the links and
/// computes the score here; the chaincode checks the score it is given against the same thresholds.
/// </summary>
public static partial class GxRules
{
    public const int TrustBasePoints = 10;
    public const int TrustParentPoints = 30;
    public const int TrustSpousePoints = 25;
    public const int TrustSiblingPoints = 15;
    public const int TrustChildPoints = 10;
    public const int TrustFamilyCap = 80;
    public const int TrustBusinessPoints = 10;
    public const int TrustBusinessCap = 10;
    public const int TrustFriendPoints = 10;
    public const int TrustFriendsCap = 10;
    public const int MaxTrustScore = 100;
    public const int MinVoteTrustScore = 50;

    /// <summary>
    /// The score of a user with <paramref name="links"/>. <paramref name="verified"/> (ACTIVE on the ledger) earns the
    /// base; links only count for verified users, so a frozen or unregistered identity scores 0.
    /// </summary>
    public static TrustScoreParts ScoreTrust(bool verified, TrustLinks links)
    {
        if (!verified)
        {
            return new(0, 0, 0, 0, 0);
        }

        var family = Math.Min(TrustFamilyCap, links.Parents * TrustParentPoints + links.Spouses * TrustSpousePoints
            + links.Siblings * TrustSiblingPoints + links.Children * TrustChildPoints);
        var business = Math.Min(TrustBusinessCap, links.Business * TrustBusinessPoints);
        var friends = Math.Min(TrustFriendsCap, links.Friends * TrustFriendPoints);
        return new(Math.Min(MaxTrustScore, TrustBasePoints + family + business + friends), TrustBasePoints, family, business, friends);
    }

    /// <summary>Null when an identity with <paramref name="trustScore"/> may vote; otherwise why not.</summary>
    public static RuleViolation? CheckVoteTrust(int trustScore) => trustScore < MinVoteTrustScore
        ? new("TRUST_SCORE_TOO_LOW", $"Voting needs a trust score of at least {MinVoteTrustScore}; this identity has {trustScore}.")
        : null;
}
