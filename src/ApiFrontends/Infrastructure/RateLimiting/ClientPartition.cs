using Microsoft.AspNetCore.Http;

namespace GxProtocol.ApiFrontends.Infrastructure;

/// <summary>
/// Who a request counts against. Behind nginx the remote address is the proxy unless the host applies
/// ForwardedHeaders first, so the host must do that before UseGxApiInfrastructure.
/// </summary>
public static class ClientPartition
{
    public static string IpOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>"{userId}" for an authenticated caller, else "anon:{ip}".</summary>
    public static string PrincipalOf(HttpContext context) =>
        context.User.TryGetUserId(out var userId) ? userId.ToString("D") : "anon:" + IpOf(context);
}
