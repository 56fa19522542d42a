using System.Net;
using GxProtocol.ApiFrontends.Hosting;
using GxProtocol.ApiFrontends.Hosting.Tracing;
using GxProtocol.Grains;
using GxProtocol.Grains.Outbox;
using GxProtocol.Grains.PaymentRequests;
using GxProtocol.Grains.ReadModels;
using GxProtocol.Grains.Webhooks;
using GxProtocol.Silo.Outbox;
using GxProtocol.Silo.Postgres;
using GxProtocol.Silo.ReadModels;
using GxProtocol.Silo.Webhooks;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;

namespace GxProtocol.Silo.Hosting;

/// <summary>The Orleans silo: embedded (localhost clustering, memory) or PostgreSQL (ADO.NET providers).</summary>
public static class SiloHostingExtensions
{
    public static WebApplicationBuilder AddGxSilo(this WebApplicationBuilder builder, GxHostOptions host, string? postgres)
    {
        if (postgres is null)
        {
            builder.Services.AddSingleton<IReadModelStore, InMemoryReadModelStore>();
        }
        else
        {
            builder.Services.AddSingleton<IReadModelStore>(new PostgresReadModelStore(postgres));
            builder.Services.AddSingleton<IOutboxStore>(services => new PostgresOutboxStore(postgres, services.GetRequiredService<Serializer>()));
            builder.Services.AddSingleton<IWebhookDeliveryStore>(services => new PostgresWebhookDeliveryStore(postgres, services.GetRequiredService<Serializer>()));
        }

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(cluster => GxClusterIdentity.Apply(cluster, builder.Configuration));
            if (postgres is null)
            {
                silo.UseLocalhostClustering(host.SiloPort, host.GatewayPort);
                silo.AddGxMemoryGrainStorageAsDefault();
                silo.UseInMemoryReminderService();
            }
            else
            {
                silo.ConfigureEndpoints(IPAddress.Parse(host.AdvertisedAddress), host.SiloPort, host.GatewayPort, listenOnAnyHostAddress: host.BindAddress != "127.0.0.1");
                silo.AddGxPostgres(postgres);
            }
            silo.AddGxGrains(builder.Configuration);
            if (GxTracingSettings.IsEnabled(builder.Configuration))
            {
                silo.AddActivityPropagation();
            }
            if (postgres is null)
            {
                silo.Services.AddGeneratedPaymentRequestSigningKeyWhenMissing();
            }
            if (host.DashboardEnabled)
            {
                silo.AddDashboard();
            }
        });
        return builder;
    }
}
