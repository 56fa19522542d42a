namespace GxProtocol.Grains.Interfaces.Idempotency;

/// <summary>
/// One client write under one idempotency key. Key: <c>"{principal}:{idempotencyKey}"</c> where principal is the
/// user id or <c>"anon:{ip}"</c>, so two users can never collide or read each other's responses. Records expire
/// 24 hours after completion.
/// </summary>
[Alias("gx.IIdempotencyGrain")]
public interface IIdempotencyGrain : IGrainWithStringKey
{
    /// <summary>Claims the key for a request with this hash, or says why the request must not run.</summary>
    [Alias("Begin")]
    Task<IdempotencyDecision> BeginAsync(string requestHash);

    /// <summary>Stores the response to replay; only the holder of the claim (same hash) may complete it.</summary>
    [Alias("Complete")]
    Task CompleteAsync(string requestHash, StoredResponse response);

    /// <summary>Releases the claim without storing anything (5xx, exception) so the client may retry.</summary>
    [Alias("Abandon")]
    Task AbandonAsync(string requestHash);
}
