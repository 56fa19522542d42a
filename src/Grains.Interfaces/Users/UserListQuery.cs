namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>
/// A page of the administrators' user list: optionally one status, optionally a search (case-insensitive, part of the
/// e-mail address or of the name). Newest registration first.
/// </summary>
[GenerateSerializer, Immutable, Alias("gx.UserListQuery")]
public sealed record UserListQuery(
    [property: Id(0)] string? Status,
    [property: Id(1)] string? Search,
    [property: Id(2)] string? Cursor,
    [property: Id(3)] int Limit);
