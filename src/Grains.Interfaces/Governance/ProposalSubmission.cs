namespace GxProtocol.Grains.Interfaces.Governance;

[GenerateSerializer, Immutable, Alias("gx.ProposalSubmission")]
public sealed record ProposalSubmission(
    [property: Id(0)] Guid CommandId,
    [property: Id(1)] Guid ProposerId,
    [property: Id(2)] string Title,
    [property: Id(3)] string Description,
    [property: Id(4)] string TargetParameter,
    [property: Id(5)] long ProposedValue);
