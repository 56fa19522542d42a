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
    /// otherwise to a local silo's gateway (<c>Gx:Orleans:GatewayPort</c>, default 30000).
    /// </summary>
    public static WebApplicationBuilder AddGxOrleansClient(this WebApplicationBuilder builder)
    {
        var postgres = builder.Configuration.GetConnectionString("Postgres");
        var gatewayPort = builder.Configuration.GetValue("Gx:Orleans:GatewayPort", 30000);
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

    /// <summary>One service listens on its own port (3001–3007); all seven together on 3000. <c>--urls</c> overrides.</summary>
    public static WebApplicationBuilder ListenOnServicePort(this WebApplicationBuilder builder, IReadOnlyList<string> services)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            var port = services.Count == 1 ? GxServiceNames.Ports[services[0]] : 3000;
            var address = builder.Configuration["Gx:Http:BindAddress"] ?? "127.0.0.1";
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
