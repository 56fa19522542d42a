using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GxProtocol.ApiFrontends.Infrastructure.Idempotency;

public static class IdempotencyEndpointExtensions
{
    /// <summary>
    /// Requires <c>X-Idempotency-Key</c> (16–128 chars) and replays the first answer to a repeated request; a reused
    /// key with another request is 409 <c>idempotency_key_reused</c>, a concurrent duplicate 409
    /// <c>request_in_progress</c>. Add it after authorization so the key is scoped to the caller.
    /// </summary>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder) =>
        builder
            .WithMetadata(IdempotentEndpointMetadata.Instance)
            .AddEndpointFilter<IdempotencyFilter>()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
