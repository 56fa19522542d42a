using GxProtocol.ApiFrontends.Hosting.Tracing;
using GxProtocol.ApiFrontends.Services;
using Orleans.Configuration;
using Prometheus;

namespace GxProtocol.ApiFrontends.Hosting;

/// <summary>Wiring of a frontend that runs in its own process.</summary>
public static class FrontendHostingExtensions
{
    /// <summary>
    /// Connects to the cluster: through the PostgreSQL membership table when <c>ConnectionStrings:Postgres</c> is set,
    /// otherwise to a local silo's gateway (<c>Gx:Host:GatewayPort</c>, as the silo names it; default 30000).
    /// Renamed keys still set are reported at start-up (<see cref="RenamedConfigurationKeysReport"/>).
    /// </summary>
    public static WebApplicationBuilder AddGxOrleansClient(this WebApplicationBuilder builder)
    {
        var postgres = builder.Configuration.GetConnectionString("Postgres");
        var gatewayPort = builder.Configuration.GetValue(
            RenamedConfigurationKeys.Resolve(builder.Configuration, RenamedConfigurationKeys.GatewayPort), 30000);
        builder.Services.AddHostedService<RenamedConfigurationKeysReport>();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(cluster => GxClusterIdentity.Apply(cluster, builder.Configuration));
            if (GxTracingSettings.IsEnabled(builder.Configuration))
            {
                client.AddActivityPropagation();
            }
            if (string.IsNullOrWhiteSpace(postgres))
            {
                client.UseLocalhostClustering(gatewayPort);
                return;
            }
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = postgres;
            });
        });
        return builder;
    }

    /// <summary>
    /// One service listens on its own port (3001–3007); all seven together on 3000; on <c>Gx:Host:BindAddress</c>
    /// (loopback by default). <c>--urls</c> overrides.
    /// </summary>
    public static WebApplicationBuilder ListenOnServicePort(this WebApplicationBuilder builder, IReadOnlyList<string> services)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            var port = services.Count == 1 ? GxServiceNames.Ports[services[0]] : 3000;
            var address = builder.Configuration[RenamedConfigurationKeys.Resolve(builder.Configuration, RenamedConfigurationKeys.BindAddress)] ?? "127.0.0.1";
            builder.WebHost.UseUrls($"http://{address}:{port}");
        }
        return builder;
    }

    public static IEndpointRouteBuilder MapGxMetrics(this IEndpointRouteBuilder routes)
    {
        routes.MapMetrics("/metrics");
        return routes;
    }
}
