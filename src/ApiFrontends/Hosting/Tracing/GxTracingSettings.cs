using System.Globalization;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;

namespace GxProtocol.ApiFrontends.Hosting.Tracing;

/// <summary>
/// The <c>Gx:Telemetry</c> section, read and checked before anything starts: tracing is off unless an OTLP endpoint
/// is configured or <c>Gx:Telemetry:Tracing</c> is true, so a default process registers no activity listener at all and
/// pays nothing for the instrumentation points in its code.
/// </summary>
public sealed record GxTracingSettings(bool Enabled, Uri? OtlpEndpoint, OtlpExportProtocol OtlpProtocol, double SampleRatio, string ServiceName)
{
    public const string SectionName = "Gx:Telemetry";
    public const string TracingKey = SectionName + ":Tracing";
    public const string OtlpEndpointKey = SectionName + ":OtlpEndpoint";
    public const string OtlpProtocolKey = SectionName + ":OtlpProtocol";
    public const string SampleRatioKey = SectionName + ":SampleRatio";
    public const string ServiceNameKey = SectionName + ":ServiceName";

    /// <summary>Reads the section; a malformed value stops start-up with a message naming its key.</summary>
    public static GxTracingSettings Read(IConfiguration configuration, string defaultServiceName)
    {
        var endpoint = ReadEndpoint(configuration[OtlpEndpointKey]);
        var protocol = ReadProtocol(configuration[OtlpProtocolKey]);
        var tracing = configuration[TracingKey] is { Length: > 0 } text
            ? bool.TryParse(text, out var on) ? on : throw Invalid(TracingKey, $"{TracingKey} must be true or false (was '{text}').")
            : endpoint is not null;
        if (endpoint is not null && !tracing)
        {
            throw Invalid(TracingKey, $"{TracingKey} is false while {OtlpEndpointKey} is set: remove one of them.");
        }
        var ratio = configuration[SampleRatioKey] is { Length: > 0 } ratioText
            ? double.TryParse(ratioText, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r is >= 0 and <= 1
                ? r
                : throw Invalid(SampleRatioKey, $"{SampleRatioKey} must be a number from 0 to 1 (was '{ratioText}').")
            : 1.0;
        var serviceName = configuration[ServiceNameKey] is { Length: > 0 } name ? name : defaultServiceName;
        return new GxTracingSettings(tracing, endpoint, protocol, ratio, serviceName);
    }

    /// <summary>Whether grain calls should carry and start activities; cheap enough to ask from any builder.</summary>
    public static bool IsEnabled(IConfiguration configuration) => Read(configuration, "").Enabled;

    private static Uri? ReadEndpoint(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.Query))
        {
            throw Invalid(OtlpEndpointKey, $"{OtlpEndpointKey} must be an absolute http or https URI such as http://otel-collector:4317 (was '{text}').");
        }
        return uri;
    }

    private static OtlpExportProtocol ReadProtocol(string? text) => text?.ToLowerInvariant() switch
    {
        null or "" or "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
        _ => throw Invalid(OtlpProtocolKey, $"{OtlpProtocolKey} must be grpc or http/protobuf (was '{text}')."),
    };

    private static OptionsValidationException Invalid(string key, string message) => new(key, typeof(string), [message]);
}
