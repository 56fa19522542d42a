using System.Text.RegularExpressions;

namespace GxProtocol.ApiFrontends.Domain;

/// <summary>An organization id is a ledger id (letters, digits, '.', '_', '-') that is not a GUID: GUIDs name user wallets.</summary>
public static partial class OrganizationIds
{
    public const string Rule = "must be letters, digits, '.', '_' or '-', and not a GUID (GUIDs name user wallets).";

    public static bool IsValid(string value) => value.Length is >= 1 and <= 128 && Shape().IsMatch(value) && !Guid.TryParse(value, out _);

    [GeneratedRegex("^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
