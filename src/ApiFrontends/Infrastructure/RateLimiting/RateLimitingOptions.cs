namespace GxProtocol.ApiFrontends.Infrastructure.RateLimiting;

/// <summary>
/// Bound from <c>Gx:RateLimiting</c>. The defaults are the original nginx zone (10 r/s, burst 20 per IP); the
/// "writes" policy is tighter and per user, because one account can spread requests over many addresses.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "Gx:RateLimiting";

    /// <summary>Policy name for <c>.RequireRateLimiting(RateLimitingOptions.WritesPolicy)</c> on state-changing routes.</summary>
    public const string WritesPolicy = "writes";

    public const int DefaultPermitsPerSecond = 10;
    public const int DefaultBurst = 20;
    public const int DefaultWritePermitsPerSecond = 5;
    public const int DefaultWriteBurst = 10;

    public bool Enabled { get; set; } = true;

    public int PermitsPerSecond { get; set; } = DefaultPermitsPerSecond;

    public int Burst { get; set; } = DefaultBurst;

    public int WritePermitsPerSecond { get; set; } = DefaultWritePermitsPerSecond;

    public int WriteBurst { get; set; } = DefaultWriteBurst;
}
