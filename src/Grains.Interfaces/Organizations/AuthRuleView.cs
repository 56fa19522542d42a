namespace GxProtocol.Grains.Interfaces.Organizations;

/// <summary>The organization's authorization rule; the threshold is in Qirat.</summary>
[GenerateSerializer, Immutable, Alias("gx.AuthRuleView")]
public sealed record AuthRuleView(
    [property: Id(0)] long AmountThreshold,
    [property: Id(1)] int RequiredApprovals,
    [property: Id(2)] IReadOnlyList<Guid> ApproverIds);
