using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace GxProtocol.Silo.Hosting.Dashboard;

/// <summary>
/// The session scheme validates like the API's Bearer scheme (same issuer, key, algorithms, clock) but for the dashboard
/// audience, reads the token from the session cookie only, and sends a browser asking for a page to the login page.
/// </summary>
// The monitor is resolved when a scheme is configured, not injected: it is built from this very setup (a cycle).
internal sealed class DashboardSessionBearerSetup(IServiceProvider services) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != DashboardSession.Scheme)
        {
            return;
        }
        var api = services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        options.MapInboundClaims = false;
        options.TimeProvider = api.TimeProvider;
        options.TokenValidationParameters = api.TokenValidationParameters.Clone();
        options.TokenValidationParameters.ValidAudience = DashboardSessionIssuer.AudienceOf(api.TokenValidationParameters);
        // A session ends when it says it does.
        options.TokenValidationParameters.ClockSkew = TimeSpan.Zero;
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                // Never the Authorization header: that is the API scheme's, with the API's audience.
                context.Token = context.Request.Cookies[DashboardSession.CookieName];
                if (string.IsNullOrEmpty(context.Token))
                {
                    context.NoResult();
                }
                return Task.CompletedTask;
            },
            OnChallenge = context =>
            {
                if (HttpMethods.IsGet(context.Request.Method) && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
                {
                    context.HandleResponse();
                    context.Response.Redirect(DashboardSession.LoginPath);
                }
                return Task.CompletedTask;
            },
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}
