namespace GxProtocol.Grains.Interfaces.Webhooks;

/// <summary>One POST of a delivery: the receiver's status code, or why there was none.</summary>
[GenerateSerializer, Immutable, Alias("gx.WebhookAttempt")]
public sealed record WebhookAttempt(
    [property: Id(0)] int Number,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] int? StatusCode,
    [property: Id(3)] string? Error,
    [property: Id(4)] long DurationMs);
