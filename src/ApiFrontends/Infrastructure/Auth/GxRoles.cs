using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.ApiFrontends.Infrastructure.Auth;

/// <summary>Values of the <c>role</c> claim.</summary>
public static class GxRoles
{
    public const string User = "user";
    public const string Admin = "admin";
    public const string SuperAdmin = "super_admin";

    public static string From(UserRole role) => role switch
    {
        UserRole.Admin => Admin,
        UserRole.SuperAdmin => SuperAdmin,
        _ => User,
    };
}
