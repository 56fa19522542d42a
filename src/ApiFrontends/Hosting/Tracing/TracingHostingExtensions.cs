using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GxProtocol.ApiFrontends.Hosting.Tracing;

/// <summary>
/// OpenTelemetry tracing of a process: its HTTP requests (ASP.NET Core), its grain calls (Orleans' application
/// activity source, with <c>AddActivityPropagation</c> on the silo or client builder), its PostgreSQL commands
/// (Npgsql) and whatever the process adds (the silo: the outbox and the Fabric gRPC client). Nothing is registered
/// when tracing is off.
/// </summary>
public static class TracingHostingExtensions
{
    /// <summary>Orleans 10 starts one client and one server activity per call to an application grain on this source.</summary>
    public const string OrleansGrainCallSource = "Microsoft.Orleans.Application";

    public static WebApplicationBuilder AddGxTracing(this WebApplicationBuilder builder, string defaultServiceName, Action<TracerProviderBuilder>? configure = null)
    {
        var settings = GxTracingSettings.Read(builder.Configuration, defaultServiceName);
        if (!settings.Enabled)
        {
            return builder;
        }
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName))
            .WithTracing(tracing =>
            {
                tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(settings.SampleRatio)));
                // Probes and scrapes arrive every few seconds and say nothing about a request's path through the system.
                tracing.AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !IsProbeOrScrape(context.Request.Path));
                tracing.AddSource(OrleansGrainCallSource);
                tracing.AddNpgsql();
                configure?.Invoke(tracing);
                if (settings.OtlpEndpoint is { } endpoint)
                {
                    tracing.AddOtlpExporter(otlp =>
                    {
                        otlp.Protocol = settings.OtlpProtocol;
                        otlp.Endpoint = ExportUri(endpoint, settings.OtlpProtocol);
                    });
                }
            });
        return builder;
    }

    /// <summary>
    /// An endpoint set in code is used as is, so for http/protobuf a bare collector address gets the traces path the
    /// OTEL_EXPORTER_OTLP_ENDPOINT convention would give it.
    /// </summary>
    private static Uri ExportUri(Uri endpoint, OtlpExportProtocol protocol) =>
        protocol == OtlpExportProtocol.HttpProtobuf && endpoint.AbsolutePath is "/" or ""
            ? new Uri(endpoint, "v1/traces")
            : endpoint;

    private static bool IsProbeOrScrape(PathString path) =>
        path.Value is { } value && (value.EndsWith("/health/ready", StringComparison.Ordinal)
            || value.EndsWith("/health/live", StringComparison.Ordinal)
            || value.EndsWith("/metrics", StringComparison.Ordinal));
}
