namespace GxProtocol.ApiFrontends.Infrastructure.Auth;

/// <summary>Authorization policy names for <c>RequireAuthorization(...)</c>.</summary>
public static class GxPolicies
{
    /// <summary>admin or super_admin.</summary>
    public const string Admin = "admin";

    public const string SuperAdmin = "super_admin";
}
