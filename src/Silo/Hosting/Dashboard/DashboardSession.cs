namespace GxProtocol.Silo.Hosting.Dashboard;

/// <summary>
/// Names shared by the dashboard's browser session: a short-lived token signed with the API's JWT key but for its own
/// audience, carried in an HttpOnly cookie scoped to the dashboard path. An API access token is not accepted in the
/// cookie, nor a dashboard token as an API Bearer token: the audiences differ.
/// </summary>
public static class DashboardSession
{
    /// <summary>The authentication scheme reading the session cookie.</summary>
    public const string Scheme = "GxDashboardSession";

    /// <summary>The dashboard's policy: an admin, by Bearer token (tools) or by session cookie (browsers).</summary>
    public const string Policy = "gx-dashboard";

    public const string CookieName = "gx_dashboard";

    public const string BasePath = "/dashboard";
    public const string SessionPath = BasePath + "/session";
    public const string LoginPath = BasePath + "/login";

    /// <summary>The session token's audience is the API's with this suffix.</summary>
    public const string AudienceSuffix = "-dashboard";

    /// <summary>Dashboard JSON endpoints that expose grain state (password hashes among it) or the silo's log stream.</summary>
    public static readonly string[] SuperAdminOnlyEndpoints = ["/GrainState", "/Trace"];
}
