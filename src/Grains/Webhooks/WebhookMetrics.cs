using Prometheus;

namespace GxProtocol.Grains.Webhooks;

/// <summary>Webhook deliveries by outcome: a receiver that keeps failing shows here before anyone reads the delivery list.</summary>
public static class WebhookMetrics
{
    /// <summary>The outcomes <see cref="RecordFinished"/> is called with; the silo exports each from start-up.</summary>
    public static readonly string[] Outcomes = ["delivered", "failed"];

    private static readonly Counter Finished = Metrics.CreateCounter("webhook_deliveries_finished_total",
        "Webhook deliveries by final outcome (delivered, failed).", "outcome");

    private static readonly Counter FailedAttempts = Metrics.CreateCounter("webhook_attempts_failed_total",
        "Webhook POSTs that got no 2xx answer (each is retried until MaxAttempts).");

    public static void PublishInitialSeries()
    {
        foreach (var outcome in Outcomes)
        {
            Finished.WithLabels(outcome);
        }
    }

    public static void RecordFailedAttempt() => FailedAttempts.Inc();

    public static void RecordFinished(string outcome) => Finished.WithLabels(outcome).Inc();
}
