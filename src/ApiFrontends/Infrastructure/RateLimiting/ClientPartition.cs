using GxProtocol.ApiFrontends.Infrastructure.Auth;
using Microsoft.AspNetCore.Http;

namespace GxProtocol.ApiFrontends.Infrastructure.RateLimiting;

/// <summary>
/// Who a request counts against. Behind nginx the remote address is the proxy's unless the proxy is listed in
/// <c>Gx:ForwardedHeaders</c>; then UseGxApiInfrastructure replaces it with the client's from X-Forwarded-For.
/// </summary>
public static class ClientPartition
{
    public static string IpOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>"{userId}" for an authenticated caller, else "anon:{ip}".</summary>
    public static string PrincipalOf(HttpContext context) =>
        context.User.TryGetUserId(out var userId) ? userId.ToString("D") : "anon:" + IpOf(context);
}
