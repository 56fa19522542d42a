using System.Security.Claims;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GxProtocol.Silo.Hosting.Dashboard;

/// <summary>
/// A browser cannot send the Bearer token the dashboard needs in PostgreSQL mode. An admin trades their API access
/// token for a session cookie instead: <c>POST /dashboard/session</c> on the ops port, with the token as a Bearer header
/// (tools, answered 200 with the expiry) or as the form field <c>accessToken</c> from <c>GET /dashboard/login</c>
/// (browsers, answered 302 to the dashboard). The API's own tokens are unchanged.
/// </summary>
public static class DashboardSessionEndpoints
{
    public static WebApplicationBuilder AddGxDashboardSessions(this WebApplicationBuilder builder, GxHostOptions host)
    {
        builder.Services.AddAuthentication().AddJwtBearer(DashboardSession.Scheme);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<JwtBearerOptions>, DashboardSessionBearerSetup>());
        builder.Services.AddSingleton(new DashboardSessionIssuer.Settings(host.DashboardSessionSeconds));
        builder.Services.TryAddSingleton<DashboardSessionIssuer>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(DashboardSession.Policy, policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme, DashboardSession.Scheme)
            .RequireAuthenticatedUser()
            .RequireRole(GxRoles.Admin, GxRoles.SuperAdmin));
        return builder;
    }

    public static void MapGxDashboardSessions(this WebApplication app, LocalPortMetadata ops)
    {
        app.MapGet(DashboardSession.LoginPath, LoginPage).WithMetadata(ops).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(DashboardSession.SessionPath, StartAsync).WithMetadata(ops).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }

    /// <summary>
    /// Guards the group's grain-state and log-stream endpoints: super admins only (a dashboard left open in the
    /// embedded development mode keeps them closed too, unless a super admin's session or token is presented).
    /// </summary>
    public static RouteGroupBuilder HideGrainStateAndTrace(this RouteGroupBuilder dashboard)
    {
        dashboard.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern }
                && DashboardSession.SuperAdminOnlyEndpoints.Any(hidden => pattern.EndsWith(hidden, StringComparison.OrdinalIgnoreCase))
                && !await IsSuperAdminAsync(http))
            {
                return GxProblems.Forbidden("Grain state and the log stream are for super admins.");
            }
            return await next(context);
        });
        return dashboard;
    }

    private static async Task<bool> IsSuperAdminAsync(HttpContext http)
    {
        if (http.User.IsSuperAdmin())
        {
            return true;
        }
        var session = await http.AuthenticateAsync(DashboardSession.Scheme);
        return session.Succeeded && session.Principal.IsSuperAdmin();
    }

    private static async Task<Results<Ok<DashboardSessionResponse>, RedirectHttpResult, ProblemHttpResult>> StartAsync(
        HttpContext http, DashboardSessionIssuer issuer)
    {
        var fromForm = http.Request.HasFormContentType;
        ClaimsPrincipal? caller = http.User.Identity?.IsAuthenticated == true ? http.User : null;
        if (caller is null && fromForm)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var token = form["accessToken"].ToString().Trim();
            if (token.Length is > 0 and <= 8192)
            {
                caller = await issuer.ValidateAccessTokenAsync(token);
            }
        }
        if (caller is null)
        {
            return GxProblems.Unauthorized("Send an admin's access token as 'Authorization: Bearer <token>' or as the form field 'accessToken'.");
        }
        if (!caller.IsAdmin())
        {
            return GxProblems.Forbidden("The dashboard is for admins.");
        }
        var session = issuer.Issue(caller);
        http.Response.Cookies.Append(DashboardSession.CookieName, session.Token, new CookieOptions
        {
            Path = DashboardSession.BasePath,
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Expires = session.ExpiresAt,
            MaxAge = session.Lifetime,
            IsEssential = true,
        });
        http.Response.Headers.CacheControl = "no-store";
        return fromForm
            ? TypedResults.Redirect(DashboardSession.BasePath + "/", permanent: false, preserveMethod: false)
            : TypedResults.Ok(new DashboardSessionResponse(session.ExpiresAt));
    }

    private static ContentHttpResult LoginPage(HttpContext http)
    {
        // The page under /dashboard gets no CSP from the API's middleware: it sets its own, allowing only the post to itself.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(LoginHtml, "text/html; charset=utf-8");
    }

    private const string LoginHtml = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>GX dashboard sign-in</title></head>
        <body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
        <h1>Orleans dashboard</h1>
        <p>Paste an admin access token (from <code>POST /identity/api/v1/auth/login</code>). The dashboard session it opens
        lasts a few minutes and is kept in a cookie for this page only.</p>
        <form method="post" action="/dashboard/session">
        <textarea name="accessToken" rows="6" cols="70" required autocomplete="off"></textarea>
        <p><button type="submit">Open the dashboard</button></p>
        </form>
        </body>
        </html>
        """;
}

public sealed record DashboardSessionResponse(DateTimeOffset ExpiresAt);
