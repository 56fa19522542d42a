namespace GxProtocol.Contract;

/// <summary>
/// The roles the ledger maps a submitting identity to (the chaincode stub's CallerRole). The backend submits
/// every command under one identity and authorizes end users itself, so on chain a role only gates which
/// function families an identity may call: <see cref="SuperAdmin"/> the system-wide switches, <see cref="Admin"/>
/// the administrative functions, and any role the user-initiated functions.
/// </summary>
public static class CallerRoles
{
    public const string SuperAdmin = "super_admin";
    public const string Admin = "admin";
    public const string PartnerApi = "partner_api";

    public static IReadOnlyList<string> All { get; } = [SuperAdmin, Admin, PartnerApi];

    public static bool IsKnown(string role) => role is SuperAdmin or Admin or PartnerApi;

    public static bool IsAdministrator(string role) => role is SuperAdmin or Admin;
}
