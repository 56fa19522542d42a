using GxProtocol.ApiFrontends.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http;

namespace GxProtocol.ApiFrontends.Infrastructure.Security;

/// <summary>
/// Headers the original nginx added. Set in OnStarting so error answers written by later middleware get them too.
/// The API serves only JSON, so the CSP forbids everything; the Orleans dashboard is an HTML app with scripts and
/// styles of its own and gets none (it is an operator page behind authorization).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /// <summary>The API reference page runs its own (same-origin) script and inline styles, and fetches the document.</summary>
    public const string ApiReferenceContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";
    public static readonly PathString DashboardPath = "/dashboard";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (ApiReferenceExtensions.IsApiReference(http.Request.Path))
            {
                headers.ContentSecurityPolicy = ApiReferenceContentSecurityPolicy;
            }
            else if (!http.Request.Path.StartsWithSegments(DashboardPath))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }
            if (http.Request.IsHttps)
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
