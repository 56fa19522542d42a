using Microsoft.AspNetCore.Http;

namespace GxProtocol.ApiFrontends.Infrastructure.Idempotency;

/// <summary>Runs after routing: enables request buffering only where an idempotency filter will re-read the body.</summary>
internal sealed class IdempotencyBufferingMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpointMetadata>() is not null)
        {
            context.Request.EnableBuffering();
            context.Items[typeof(IdempotencyBufferingMiddleware)] = true;
        }
        return next(context);
    }

    internal static bool WasApplied(HttpContext context) => context.Items.ContainsKey(typeof(IdempotencyBufferingMiddleware));
}
