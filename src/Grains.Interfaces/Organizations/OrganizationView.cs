namespace GxProtocol.Grains.Interfaces.Organizations;

/// <summary>
/// An organization as its stakeholders see it. <see cref="Status"/>: PENDING_ONCHAIN (proposal accepted, not yet
/// committed), PROPOSED (collecting endorsements) or ACTIVE. <see cref="Balance"/> is the wallet's ledger balance in
/// Qirat; <see cref="PendingHolds"/> what accepted, uncommitted transfers will take from it.
/// </summary>
[GenerateSerializer, Immutable, Alias("gx.OrganizationView")]
public sealed record OrganizationView(
    [property: Id(0)] string OrgId,
    [property: Id(1)] string OrgName,
    [property: Id(2)] string OrgType,
    [property: Id(3)] string Country,
    [property: Id(4)] Guid ProposerId,
    [property: Id(5)] string Status,
    [property: Id(6)] IReadOnlyList<Guid> StakeholderIds,
    [property: Id(7)] IReadOnlyList<Guid> EndorsedBy,
    [property: Id(8)] AuthRuleView? Rule,
    [property: Id(9)] long Balance,
    [property: Id(10)] long PendingHolds);
