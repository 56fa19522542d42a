namespace GxProtocol.Grains.Interfaces.Organizations;

/// <summary>A stakeholder proposes an organization; proposing counts as the proposer's endorsement.</summary>
[GenerateSerializer, Immutable, Alias("gx.OrganizationProposal")]
public sealed record OrganizationProposal(
    [property: Id(0)] Guid ProposerId,
    [property: Id(1)] Guid CommandId,
    [property: Id(2)] string OrgName,
    [property: Id(3)] string OrgType,
    [property: Id(4)] IReadOnlyList<Guid> StakeholderIds);
