namespace GxProtocol.Grains.Interfaces.Idempotency;

/// <summary>The parts of an HTTP answer a replay must reproduce. Bodies are small JSON documents.</summary>
[GenerateSerializer, Immutable, Alias("gx.StoredResponse")]
public sealed record StoredResponse(
    [property: Id(0)] int StatusCode,
    [property: Id(1)] string? ContentType,
    [property: Id(2)] byte[] Body,
    [property: Id(3)] string? Location);
