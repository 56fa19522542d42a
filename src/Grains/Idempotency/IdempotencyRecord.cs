using GxProtocol.Grains.Interfaces.Idempotency;

namespace GxProtocol.Grains.Idempotency;

/// <summary>Persisted only once a response is final; an in-flight claim lives in memory (see IdempotencyGrain).</summary>
[GenerateSerializer, Alias("gx.IdempotencyRecord")]
public sealed class IdempotencyRecord
{
    [Id(0)] public string? RequestHash { get; set; }
    [Id(1)] public StoredResponse? Response { get; set; }
    [Id(2)] public DateTimeOffset ExpiresAt { get; set; }
}
