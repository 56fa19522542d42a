namespace GxProtocol.Grains.Webhooks;

/// <summary>Gx:Webhooks: where deliveries may go and how hard they are tried; checked by <see cref="WebhookOptionsValidator"/>.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Gx:Webhooks";

    public const decimal DefaultLargeTransferThresholdCoins = 10_000m;
    public const int DefaultMaxAttempts = 8;
    public const int DefaultMaxEndpoints = 50;
    public static readonly TimeSpan DefaultBaseRetryDelay = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultMaxRetryDelay = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Host names ("hooks.example.com"), wildcards ("*.example.com") or IP literals an endpoint may point at. Empty (the
    /// default) refuses every endpoint: outbound requests from inside the cluster go only where an operator said.
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>Plain http endpoints, for development and tests; https otherwise.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>A committed transfer of at least this many coins publishes transfer.large_committed.</summary>
    public decimal LargeTransferThresholdCoins { get; set; } = DefaultLargeTransferThresholdCoins;

    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    public TimeSpan BaseRetryDelay { get; set; } = DefaultBaseRetryDelay;

    public TimeSpan MaxRetryDelay { get; set; } = DefaultMaxRetryDelay;

    /// <summary>How long one POST may take before it counts as failed.</summary>
    public TimeSpan RequestTimeout { get; set; } = DefaultRequestTimeout;

    public int MaxEndpoints { get; set; } = DefaultMaxEndpoints;
}
