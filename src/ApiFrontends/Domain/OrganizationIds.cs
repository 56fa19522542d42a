using GxProtocol.Contract;

namespace GxProtocol.ApiFrontends.Domain;

/// <summary>The organization id rule of the ledger (<see cref="LedgerIds.IsOrganizationId"/>), with the wording a 400 names.</summary>
public static class OrganizationIds
{
    public const string Rule = "must be letters, digits, '.', '_' or '-', and not a GUID (GUIDs name user wallets).";

    public static bool IsValid(string value) => LedgerIds.IsOrganizationId(value);
}
