using GxProtocol.ApiFrontends.Hosting.Tracing;
using GxProtocol.Grains.Outbox;
using OpenTelemetry.Trace;

namespace GxProtocol.Silo.Hosting;

/// <summary>The silo's traces: the frontends' sources plus the outbox's submissions and the Fabric gateway's gRPC calls.</summary>
public static class SiloTracingExtensions
{
    public static WebApplicationBuilder AddGxSiloTracing(this WebApplicationBuilder builder) =>
        builder.AddGxTracing("gx-silo", tracing => tracing
            .AddSource(OutboxTracing.SourceName)
            .AddGrpcClientInstrumentation());
}
