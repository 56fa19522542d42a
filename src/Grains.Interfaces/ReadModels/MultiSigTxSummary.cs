namespace GxProtocol.Grains.Interfaces.ReadModels;

/// <summary>An organization's multi-signature transfer (status PENDING or EXECUTED) with the approvals so far.</summary>
[GenerateSerializer, Immutable, Alias("gx.MultiSigTxSummary")]
public sealed record MultiSigTxSummary(
    [property: Id(0)] Guid PendingTxId,
    [property: Id(1)] string OrgId,
    [property: Id(2)] Guid InitiatorId,
    [property: Id(3)] string To,
    [property: Id(4)] long Amount,
    [property: Id(5)] string Remark,
    [property: Id(6)] int RequiredApprovals,
    [property: Id(7)] IReadOnlyList<string> Approvals,
    [property: Id(8)] string Status,
    [property: Id(9)] DateTimeOffset InitiatedAt);
