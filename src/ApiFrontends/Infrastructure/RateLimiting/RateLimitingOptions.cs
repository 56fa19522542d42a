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

    public bool Enabled { get; set; } = true;

    public int PermitsPerSecond { get; set; } = 10;

    public int Burst { get; set; } = 20;

    public int WritePermitsPerSecond { get; set; } = 5;

    public int WriteBurst { get; set; } = 10;
}
