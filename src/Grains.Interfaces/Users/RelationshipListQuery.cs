namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>
/// One user's links, newest first: <see cref="Direction"/> "outgoing" (asked by the user), "incoming" (waiting for or
/// answered by the user) or null for both; optionally one status.
/// </summary>
[GenerateSerializer, Immutable, Alias("gx.RelationshipListQuery")]
public sealed record RelationshipListQuery(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string? Direction,
    [property: Id(2)] string? Status,
    [property: Id(3)] string? Cursor,
    [property: Id(4)] int Limit)
{
    public const string Outgoing = "outgoing";
    public const string Incoming = "incoming";
}
