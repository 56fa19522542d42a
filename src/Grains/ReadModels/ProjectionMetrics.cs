using Prometheus;

namespace GxProtocol.Grains.ReadModels;

/// <summary>The read-model projector's Prometheus series.</summary>
public sealed class ProjectionMetrics
{
    private static readonly Counter Applied = Metrics.CreateCounter("projector_events_applied_total",
        "Ledger events written to the read models.");

    private static readonly Counter DeadLettered = Metrics.CreateCounter("projector_events_dead_lettered_total",
        "Ledger events the projector could not read.");

    private static readonly Histogram Lag = Metrics.CreateHistogram("projector_lag_milliseconds",
        "From the listener receiving a committed event to the read models holding it.",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(1, 2, 16) });

    public void RecordApplied(TimeSpan lag)
    {
        Applied.Inc();
        Lag.Observe(lag.TotalMilliseconds);
    }

    public void RecordDeadLettered() => DeadLettered.Inc();
}
