using System.Security.Claims;

namespace GxProtocol.ApiFrontends.Infrastructure.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The caller's user id; throws on an anonymous principal, so use it only behind RequireAuthorization.</summary>
    public static Guid GetUserId(this ClaimsPrincipal principal) =>
        principal.TryGetUserId(out var userId)
            ? userId
            : throw new InvalidOperationException("The principal has no GUID 'sub' claim; is the endpoint missing RequireAuthorization()?");

    public static bool TryGetUserId(this ClaimsPrincipal principal, out Guid userId)
    {
        userId = Guid.Empty;
        return principal.Identity?.IsAuthenticated == true &&
               Guid.TryParse(principal.FindFirstValue(GxClaimTypes.Subject), out userId) &&
               userId != Guid.Empty;
    }

    public static bool IsAdmin(this ClaimsPrincipal principal) =>
        principal.IsInRole(GxRoles.Admin) || principal.IsInRole(GxRoles.SuperAdmin);

    public static bool IsSuperAdmin(this ClaimsPrincipal principal) => principal.IsInRole(GxRoles.SuperAdmin);

    /// <summary>Object-level check: the caller is <paramref name="ownerId"/> or an admin.</summary>
    public static bool IsSelfOrAdmin(this ClaimsPrincipal principal, Guid ownerId) =>
        principal.IsAdmin() || (principal.TryGetUserId(out var userId) && userId == ownerId);
}
