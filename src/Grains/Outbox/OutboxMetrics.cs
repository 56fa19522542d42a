using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace GxProtocol.Grains.Outbox;

/// <summary>The outbox's instruments on the <c>GxProtocol</c> meter, exported by prometheus-net.</summary>
public sealed class OutboxMetrics : IDisposable
{
    public const string MeterName = "GxProtocol";

    private readonly Meter _meter;
    private readonly ConcurrentDictionary<long, int> _depthByShard = new();
    private readonly Counter<long> _finished;
    private readonly Histogram<double> _submitLatency;

    public OutboxMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _meter.CreateObservableGauge("outbox_command_queue_depth",
            () => _depthByShard.Select(s => new Measurement<int>(s.Value, new KeyValuePair<string, object?>("shard", s.Key.ToString()))),
            description: "Commands waiting in each outbox shard on this silo.");
        _finished = _meter.CreateCounter<long>("outbox_commands_finished", description: "Commands by final status.");
        _submitLatency = _meter.CreateHistogram<double>("outbox_submit_latency_seconds", unit: "s",
            description: "Time from one submission's start to its commit or refusal.");
    }

    public void SetDepth(long shard, int depth) => _depthByShard[shard] = depth;

    public void ForgetShard(long shard) => _depthByShard.TryRemove(shard, out _);

    public void RecordFinished(string status) => _finished.Add(1, new KeyValuePair<string, object?>("status", status));

    public void RecordSubmitLatency(TimeSpan elapsed) => _submitLatency.Record(elapsed.TotalSeconds);

    public void Dispose() => _meter.Dispose();
}
