namespace GxProtocol.DevLedger.Configuration;

/// <summary>The caller roles the GX chaincode distinguishes.</summary>
public static class DevLedgerRoles
{
    public const string SuperAdmin = "super_admin";
    public const string Admin = "admin";
    public const string PartnerApi = "partner_api";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { SuperAdmin, Admin, PartnerApi };
}
