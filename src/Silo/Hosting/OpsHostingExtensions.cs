using GxProtocol.Silo.Hosting.Dashboard;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Dashboard;
using Prometheus;

namespace GxProtocol.Silo.Hosting;

/// <summary>The ops port: liveness, readiness (the silo is up), Prometheus metrics and the Orleans dashboard.</summary>
public static class OpsHostingExtensions
{
    public static WebApplicationBuilder AddGxOps(this WebApplicationBuilder builder, GxHostOptions host)
    {
        builder.Services.AddHealthChecks().AddCheck<SiloReadinessCheck>("silo", tags: ["ready"]);
        builder.Services.AddHostedService<InitialMetricSeries>();
        var postgres = Postgres.GxPostgresConfiguration.GetConnectionString(builder.Configuration);
        if (postgres is not null)
        {
            builder.Services.AddHostedService(services => new PostgresReachabilityMetric(postgres,
                services.GetRequiredService<ILogger<PostgresReachabilityMetric>>()));
        }
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, LocalPortMatcherPolicy>());
        // Orleans publishes through System.Diagnostics.Metrics; prometheus-net exports that meter next to our own series.
        Metrics.ConfigureMeterAdapter(adapter => adapter.InstrumentFilterPredicate = instrument => instrument.Meter.Name == "Microsoft.Orleans");
        var urls = new List<string> { $"http://{host.BindAddress}:{host.OpsPort}" };
        if (host.ApiPort != 0)
        {
            urls.Add($"http://{host.BindAddress}:{host.ApiPort}");
        }
        builder.WebHost.UseUrls([.. urls]);
        builder.AddGxDashboardSessions(host);
        return builder;
    }

    public static WebApplication MapGxOps(this WebApplication app, GxHostOptions host, bool requireAdminForDashboard)
    {
        // By the port the connection arrived on, never by the Host header, which the client writes.
        var ops = new LocalPortMetadata(host.OpsPort);
        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" })).WithMetadata(ops).AllowAnonymous();
        app.MapHealthChecks("/health/ready").WithMetadata(ops).AllowAnonymous();
        app.MapMetrics("/metrics").WithMetadata(ops).AllowAnonymous();
        if (host.DashboardEnabled)
        {
            var dashboard = app.MapOrleansDashboard(routePrefix: DashboardSession.BasePath).WithMetadata(ops).HideGrainStateAndTrace();
            if (requireAdminForDashboard)
            {
                // Admins by Bearer token or by the browser session cookie of POST /dashboard/session.
                dashboard.RequireAuthorization(DashboardSession.Policy);
            }
            app.MapGxDashboardSessions(ops);
        }
        return app;
    }
}
