namespace GxProtocol.Grains.Interfaces.ReadModels;

/// <summary>An organization as the read models list it (status PROPOSED or ACTIVE).</summary>
[GenerateSerializer, Immutable, Alias("gx.OrganizationSummary")]
public sealed record OrganizationSummary(
    [property: Id(0)] string OrgId,
    [property: Id(1)] string OrgName,
    [property: Id(2)] string OrgType,
    [property: Id(3)] string Country,
    [property: Id(4)] IReadOnlyList<string> StakeholderIds,
    [property: Id(5)] IReadOnlyList<string> EndorsedBy,
    [property: Id(6)] string Status,
    [property: Id(7)] DateTimeOffset ProposedAt);
