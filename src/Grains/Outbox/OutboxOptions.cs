namespace GxProtocol.Grains.Outbox;

/// <summary>Configuration section <c>Gx:Outbox</c>, checked at start-up by <see cref="OutboxOptionsValidator"/>.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Gx:Outbox";

    public const int DefaultShardCount = 8;
    public const int DefaultMaxConcurrentSubmissionsPerShard = 64;
    public const int DefaultMaxAttempts = 25;
    public static readonly TimeSpan DefaultBaseRetryDelay = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan DefaultMaxRetryDelay = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan DefaultSubmitTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultFinishedRetention = TimeSpan.FromHours(24);

    public int ShardCount { get; set; } = DefaultShardCount;
    public int MaxConcurrentSubmissionsPerShard { get; set; } = DefaultMaxConcurrentSubmissionsPerShard;
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;
    public TimeSpan BaseRetryDelay { get; set; } = DefaultBaseRetryDelay;
    public TimeSpan MaxRetryDelay { get; set; } = DefaultMaxRetryDelay;

    /// <summary>How long one submission may take (endorse, order, commit) before it counts as a transient failure.</summary>
    public TimeSpan SubmitTimeout { get; set; } = DefaultSubmitTimeout;

    /// <summary>How long a finished command's row (its status record) is kept; as long as an idempotency record by default.</summary>
    public TimeSpan FinishedRetention { get; set; } = DefaultFinishedRetention;
}
