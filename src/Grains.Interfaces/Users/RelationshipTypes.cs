namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>
/// The kinds of link one user may ask another to confirm (the original backend's nine), named as the asking user sees
/// the invited one: "FATHER" means the invited user is the asker's father. Each kind counts towards one part of the
/// trust score (GxRules.ScoreTrust).
/// </summary>
public static class RelationshipTypes
{
    public const string Father = "FATHER";
    public const string Mother = "MOTHER";
    public const string Spouse = "SPOUSE";
    public const string Child = "CHILD";
    public const string Sibling = "SIBLING";
    public const string BusinessPartner = "BUSINESS_PARTNER";
    public const string Director = "DIRECTOR";
    public const string WorkplaceAssociate = "WORKPLACE_ASSOCIATE";
    public const string Friend = "FRIEND";

    public static readonly IReadOnlyList<string> All =
        [Father, Mother, Spouse, Child, Sibling, BusinessPartner, Director, WorkplaceAssociate, Friend];

    /// <summary>
    /// The three kinds earlier versions stored and accepted, and the kind each now stands for: an old "family" link
    /// said nothing about who is whose parent, so it counts as the one symmetric family kind, a sibling.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Legacy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["family"] = Sibling,
        ["business"] = BusinessPartner,
        ["friend"] = Friend,
    };

    /// <summary>
    /// The canonical (upper-case) spelling of <paramref name="type"/>, the new kind for an old one, or null when it is
    /// not a known kind.
    /// </summary>
    public static string? Normalize(string? type)
    {
        var trimmed = type?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        if (Legacy.TryGetValue(trimmed, out var replacement))
        {
            return replacement;
        }
        return All.FirstOrDefault(known => string.Equals(known, trimmed, StringComparison.OrdinalIgnoreCase));
    }
}
