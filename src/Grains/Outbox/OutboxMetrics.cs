using System.Collections.Concurrent;
using Prometheus;

namespace GxProtocol.Grains.Outbox;

/// <summary>The outbox's Prometheus series, named as the operators' dashboards expect them.</summary>
public sealed class OutboxMetrics
{
    private static readonly Gauge QueueDepth = Metrics.CreateGauge("outbox_command_queue_depth",
        "Commands waiting in each outbox shard hosted by this silo.", "shard");

    private static readonly Gauge TotalQueueDepth = Metrics.CreateGauge("outbox_command_queue_depth_total",
        "Commands waiting in all outbox shards hosted by this silo.");

    private static readonly Counter Finished = Metrics.CreateCounter("outbox_commands_finished_total",
        "Commands by final status (committed, failed, dead_lettered).", "status");

    private static readonly Histogram SubmitLatency = Metrics.CreateHistogram("outbox_submit_latency_seconds",
        "From one submission's start to its commit or refusal.",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.005, 2, 14) });

    private readonly ConcurrentDictionary<long, int> _depthByShard = new();

    public void SetDepth(long shard, int depth)
    {
        _depthByShard[shard] = depth;
        QueueDepth.WithLabels(shard.ToString()).Set(depth);
        TotalQueueDepth.Set(_depthByShard.Values.Sum());
    }

    public void ForgetShard(long shard)
    {
        _depthByShard.TryRemove(shard, out _);
        QueueDepth.RemoveLabelled(shard.ToString());
        TotalQueueDepth.Set(_depthByShard.Values.Sum());
    }

    public void RecordFinished(string status) => Finished.WithLabels(status).Inc();

    public void RecordSubmitLatency(TimeSpan elapsed) => SubmitLatency.Observe(elapsed.TotalSeconds);
}
