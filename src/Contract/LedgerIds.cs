using System.Text.RegularExpressions;

namespace GxProtocol.Contract;

/// <summary>
/// The one shape of an id the ledger stores (user, organization, loan, proposal, request and command ids): it can
/// never contain the separators of a state key, so no id can forge another entity's key. The chaincode refuses
/// anything else with 400, and the frontends check the same rule before a request reaches the ledger.
/// </summary>
public static partial class LedgerIds
{
    public const int MaxLength = 128;

    public const string ShapeDescription = "1 to 128 letters, digits, '.', '_' or '-'";

    public static bool IsWellFormed(string? value) => value is { Length: >= 1 and <= MaxLength } && Shape().IsMatch(value);

    /// <summary>An organization id is a well-formed id that is not a GUID: GUIDs name user wallets.</summary>
    public static bool IsOrganizationId(string? value) => IsWellFormed(value) && !Guid.TryParse(value, out _);

    [GeneratedRegex("^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
