namespace GxProtocol.ApiFrontends.Infrastructure.Idempotency;

/// <summary>
/// Marks an endpoint for <see cref="IdempotencyBufferingMiddleware"/>: the body must be made re-readable before
/// minimal-API binding consumes it, which is earlier than any endpoint filter runs.
/// </summary>
public sealed class IdempotentEndpointMetadata
{
    public static IdempotentEndpointMetadata Instance { get; } = new();
}
