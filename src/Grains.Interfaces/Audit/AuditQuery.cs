namespace GxProtocol.Grains.Interfaces.Audit;

/// <summary>Filters on the audit log (each optional, exact match), newest first.</summary>
[GenerateSerializer, Immutable, Alias("gx.AuditQuery")]
public sealed record AuditQuery(
    [property: Id(0)] Guid? ActorId,
    [property: Id(1)] string? Action,
    [property: Id(2)] string? Target,
    [property: Id(3)] string? RequestId,
    [property: Id(4)] string? Cursor,
    [property: Id(5)] int Limit);
