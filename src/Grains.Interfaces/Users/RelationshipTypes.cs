namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>The kinds of link one user may ask another to confirm; each confirmed kind weighs differently in the trust score.</summary>
public static class RelationshipTypes
{
    public const string Family = "family";
    public const string Business = "business";
    public const string Friend = "friend";

    public static readonly IReadOnlyList<string> All = [Family, Business, Friend];

    /// <summary>The canonical (lower-case) spelling of <paramref name="type"/>, or null when it is not a known kind.</summary>
    public static string? Normalize(string? type) =>
        All.FirstOrDefault(known => string.Equals(known, type?.Trim(), StringComparison.OrdinalIgnoreCase));
}
