namespace GxProtocol.Grains.Interfaces.Organizations;

/// <summary>
/// A multi-signature transfer that still waits for approvals. <see cref="OnChain"/> is false while its initiation is
/// accepted but not yet committed. With <see cref="ProposedRule"/> set it is a change of the organization's rule.
/// </summary>
[GenerateSerializer, Immutable, Alias("gx.MultiSigTxView")]
public sealed record MultiSigTxView(
    [property: Id(0)] Guid PendingTxId,
    [property: Id(1)] Guid InitiatorId,
    [property: Id(2)] Guid ToUserId,
    [property: Id(3)] long Amount,
    [property: Id(4)] string Remark,
    [property: Id(5)] int RequiredApprovals,
    [property: Id(6)] IReadOnlyList<Guid> Approvals,
    [property: Id(7)] bool OnChain,
    [property: Id(8)] DateTimeOffset InitiatedAt,
    [property: Id(9)] AuthRuleView? ProposedRule = null,
    [property: Id(10)] DateTimeOffset? ExpiresAt = null);
