using GxProtocol.ApiFrontends.Infrastructure.Idempotency;
using GxProtocol.ApiFrontends.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Builder;

namespace GxProtocol.ApiFrontends.Infrastructure.Commands;

public static class LedgerCommandEndpointExtensions
{
    /// <summary>
    /// A route that changes state on behalf of a user: safe to retry (<see cref="IdempotencyEndpointExtensions.WithIdempotency"/>)
    /// and held to the per-user <see cref="RateLimitingOptions.WritesPolicy"/> bucket, so one account cannot flood the ledger.
    /// </summary>
    public static RouteHandlerBuilder AsLedgerCommand(this RouteHandlerBuilder builder) =>
        builder.WithIdempotency().RequireRateLimiting(RateLimitingOptions.WritesPolicy);
}
