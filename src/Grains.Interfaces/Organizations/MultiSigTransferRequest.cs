namespace GxProtocol.Grains.Interfaces.Organizations;

/// <summary>An approver starts a transfer of <see cref="Amount"/> Qirat from the organization's wallet.</summary>
[GenerateSerializer, Immutable, Alias("gx.MultiSigTransferRequest")]
public sealed record MultiSigTransferRequest(
    [property: Id(0)] Guid InitiatorId,
    [property: Id(1)] Guid CommandId,
    [property: Id(2)] Guid ToUserId,
    [property: Id(3)] long Amount,
    [property: Id(4)] string Remark);
