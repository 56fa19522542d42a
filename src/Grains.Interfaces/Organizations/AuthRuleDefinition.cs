namespace GxProtocol.Grains.Interfaces.Organizations;

/// <summary>A stakeholder (re)defines the organization's rule: transfers at or above the threshold need approvals.</summary>
[GenerateSerializer, Immutable, Alias("gx.AuthRuleDefinition")]
public sealed record AuthRuleDefinition(
    [property: Id(0)] Guid CallerId,
    [property: Id(1)] Guid CommandId,
    [property: Id(2)] long AmountThreshold,
    [property: Id(3)] int RequiredApprovals,
    [property: Id(4)] IReadOnlyList<Guid> ApproverIds);
