using System.Threading.RateLimiting;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace GxProtocol.ApiFrontends.Infrastructure.RateLimiting;

/// <summary>
/// Token buckets: a global one per client IP on every request, and the named "writes" policy per user id (per IP
/// for anonymous writes such as registration and login). Rejections are 429 problem+json with Retry-After.
/// </summary>
internal sealed class GxRateLimiterSetup(IOptions<RateLimitingOptions> gxOptions) : IConfigureOptions<RateLimiterOptions>
{
    public void Configure(RateLimiterOptions options)
    {
        var limits = gxOptions.Value;
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = WriteRejectionAsync;

        if (!limits.Enabled)
        {
            // The named policy must still exist, or endpoints that reference it fail at request time.
            options.AddPolicy(RateLimitingOptions.WritesPolicy, _ => RateLimitPartition.GetNoLimiter(string.Empty));
            return;
        }

        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            RateLimitPartition.GetTokenBucketLimiter(ClientPartition.IpOf(context),
                _ => Bucket(limits.PermitsPerSecond, limits.Burst)));

        options.AddPolicy(RateLimitingOptions.WritesPolicy, context =>
            RateLimitPartition.GetTokenBucketLimiter(ClientPartition.PrincipalOf(context),
                _ => Bucket(limits.WritePermitsPerSecond, limits.WriteBurst)));
    }

    private static TokenBucketRateLimiterOptions Bucket(int permitsPerSecond, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = permitsPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        AutoReplenishment = true,
        // Queueing would hold sockets open under attack; answering 429 at once is cheaper for both sides.
        QueueLimit = 0,
    };

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var hint) && hint > TimeSpan.Zero
            ? hint
            : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await GxProblems.TooManyRequests(TimeSpan.FromSeconds(seconds)).ExecuteAsync(rejected.HttpContext);
    }
}
