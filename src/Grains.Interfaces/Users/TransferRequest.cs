namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>
/// A transfer from the grain's own wallet to another user, or to an organization when <see cref="ToOrganizationId"/>
/// is set (then <see cref="ToUserId"/> is empty); <see cref="CommandId"/> is chosen by the caller so retries are stable.
/// </summary>
[GenerateSerializer, Immutable, Alias("gx.TransferRequest")]
public sealed record TransferRequest(
    [property: Id(0)] Guid CommandId,
    [property: Id(1)] Guid ToUserId,
    [property: Id(2)] long AmountQirat,
    [property: Id(3)] string Remark,
    [property: Id(4)] string? ToOrganizationId = null);
