namespace GxProtocol.Grains.Outbox;

/// <summary>Configuration section <c>Gx:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Gx:Outbox";

    public int ShardCount { get; set; } = 8;
    public int MaxConcurrentSubmissionsPerShard { get; set; } = 64;
    public int MaxAttempts { get; set; } = 25;
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one submission may take (endorse, order, commit) before it counts as a transient failure.</summary>
    public TimeSpan SubmitTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a finished command's row (its status record) is kept; as long as an idempotency record by default.</summary>
    public TimeSpan FinishedRetention { get; set; } = TimeSpan.FromHours(24);
}
