using GxProtocol.ApiFrontends.Hosting.Tracing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;

namespace GxProtocol.Backend.Tests.Tracing;

/// <summary>Tracing is off unless configured, an OTLP endpoint switches it on, and a bad value names its key.</summary>
public sealed class TracingSettingsTests
{
    private static GxTracingSettings Read(params (string Key, string Value)[] settings) =>
        GxTracingSettings.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build(), "gx-test");

    [Fact]
    public void Nothing_configured_means_no_tracing_and_no_export()
    {
        var settings = Read();
        Assert.False(settings.Enabled);
        Assert.Null(settings.OtlpEndpoint);
    }

    [Fact]
    public void An_otlp_endpoint_switches_tracing_on_and_exports_there()
    {
        var settings = Read((GxTracingSettings.OtlpEndpointKey, "http://otel-collector:4318"),
            (GxTracingSettings.OtlpProtocolKey, "http/protobuf"), (GxTracingSettings.SampleRatioKey, "0.25"));
        Assert.True(settings.Enabled);
        Assert.Equal(new Uri("http://otel-collector:4318"), settings.OtlpEndpoint);
        Assert.Equal(OtlpExportProtocol.HttpProtobuf, settings.OtlpProtocol);
        Assert.Equal(0.25, settings.SampleRatio);
        Assert.Equal("gx-test", settings.ServiceName);
    }

    [Theory]
    [InlineData(GxTracingSettings.OtlpEndpointKey, "otel-collector:4317")]
    [InlineData(GxTracingSettings.OtlpEndpointKey, "ftp://otel-collector")]
    [InlineData(GxTracingSettings.OtlpEndpointKey, "/v1/traces")]
    [InlineData(GxTracingSettings.OtlpProtocolKey, "udp")]
    [InlineData(GxTracingSettings.SampleRatioKey, "1.5")]
    [InlineData(GxTracingSettings.SampleRatioKey, "half")]
    [InlineData(GxTracingSettings.TracingKey, "yes")]
    public void A_bad_value_names_its_key(string key, string value)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Read((key, value)));
        Assert.Contains(key, failure.Message);
    }

    [Fact]
    public void Tracing_switched_off_next_to_an_endpoint_is_refused()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Read(
            (GxTracingSettings.OtlpEndpointKey, "http://otel-collector:4317"), (GxTracingSettings.TracingKey, "false")));
        Assert.Contains(GxTracingSettings.TracingKey, failure.Message);
    }
}
