namespace GxProtocol.Grains.Interfaces.Audit;

/// <summary>
/// One administrative request as it happened: who (null when the caller was not authenticated), which operation
/// ("POST /admin/api/v1/users/{id}/approve"), on what (the route's ids), under which request id, with which HTTP
/// status and outcome. <see cref="Sequence"/> is assigned by the store.
/// </summary>
[GenerateSerializer, Immutable, Alias("gx.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] Guid? ActorId,
    [property: Id(2)] string? ActorRole,
    [property: Id(3)] string Action,
    [property: Id(4)] string? Target,
    [property: Id(5)] string RequestId,
    [property: Id(6)] int StatusCode,
    [property: Id(7)] string Outcome,
    [property: Id(8)] long Sequence = 0);

/// <summary>Outcomes of an audited request, by its HTTP status.</summary>
public static class AuditOutcomes
{
    public const string Succeeded = "SUCCEEDED";
    public const string Refused = "REFUSED";
    public const string Failed = "FAILED";

    public static string For(int statusCode) => statusCode switch
    {
        < 400 => Succeeded,
        < 500 => Refused,
        _ => Failed,
    };
}
