using Prometheus;

namespace GxProtocol.ApiFrontends.Infrastructure.Metrics;

/// <summary>
/// The HTTP series of ARCHITECTURE.md. Built on a registry so tests can count on a private one; the host's
/// <c>/metrics</c> exports the default registry, which is what <see cref="GxApiInfrastructureExtensions"/> uses.
/// </summary>
public sealed class GxHttpMetrics
{
    public static readonly IReadOnlySet<string> Services =
        new HashSet<string>(["identity", "admin", "tokenomics", "organization", "loanpool", "governance", "tax"], StringComparer.Ordinal);

    public const string OtherService = "other";

    public GxHttpMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        Requests = factory.CreateCounter("http_requests_total", "HTTP requests answered, by service, method and status code.",
            new CounterConfiguration { LabelNames = ["service", "method", "code"] });
        Duration = factory.CreateHistogram("http_request_duration_seconds", "Time to answer an HTTP request, by service.",
            new HistogramConfiguration
            {
                LabelNames = ["service"],
                Buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
            });
    }

    public Counter Requests { get; }

    public Histogram Duration { get; }

    /// <summary>The first path segment when it names a GX service, so label cardinality stays fixed.</summary>
    public static string ServiceOf(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return OtherService;
        }
        var trimmed = path.AsSpan().TrimStart('/');
        var end = trimmed.IndexOf('/');
        var segment = (end < 0 ? trimmed : trimmed[..end]).ToString();
        return Services.Contains(segment) ? segment : OtherService;
    }
}
