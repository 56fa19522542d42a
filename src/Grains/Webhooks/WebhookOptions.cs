namespace GxProtocol.Grains.Webhooks;

/// <summary>Gx:Webhooks: where deliveries may go and how hard they are tried.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Gx:Webhooks";

    /// <summary>
    /// Host names ("hooks.example.com"), wildcards ("*.example.com") or IP literals an endpoint may point at. Empty (the
    /// default) refuses every endpoint: outbound requests from inside the cluster go only where an operator said.
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>Plain http endpoints, for development and tests; https otherwise.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>A committed transfer of at least this many coins publishes transfer.large_committed.</summary>
    public decimal LargeTransferThresholdCoins { get; set; } = 10_000m;

    public int MaxAttempts { get; set; } = 8;

    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one POST may take before it counts as failed.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public int MaxEndpoints { get; set; } = 50;
}
