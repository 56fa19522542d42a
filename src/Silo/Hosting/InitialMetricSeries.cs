using System.Runtime.CompilerServices;
using GxProtocol.Grains.Outbox;
using GxProtocol.Grains.ReadModels;
using GxProtocol.Grains.Webhooks;
using Prometheus;

namespace GxProtocol.Silo.Hosting;

/// <summary>
/// Publishes the outbox and projector series at start-up, so a fresh silo exports <c>outbox_command_queue_depth_total 0</c>
/// and friends before any traffic: an alert on them can then tell "empty" from "not exported". Kept apart from the
/// metric classes themselves (the write path owns them); touching their types runs the static initializers that
/// create the unlabelled series, and the labelled ones get their known label values here.
/// </summary>
internal sealed class InitialMetricSeries : IHostedService
{
    /// <summary>The final statuses OutboxMetrics.RecordFinished is called with.</summary>
    public static readonly string[] OutboxFinalStatuses = ["committed", "failed", "dead_lettered"];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        RuntimeHelpers.RunClassConstructor(typeof(OutboxMetrics).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(ProjectionMetrics).TypeHandle);
        // prometheus-net hands back the already registered counter for the same name and labels.
        var finished = Metrics.CreateCounter("outbox_commands_finished_total",
            "Commands by final status (committed, failed, dead_lettered).", "status");
        foreach (var status in OutboxFinalStatuses)
        {
            finished.WithLabels(status);
        }
        WebhookMetrics.PublishInitialSeries();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
