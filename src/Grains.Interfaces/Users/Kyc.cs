namespace GxProtocol.Grains.Interfaces.Users;

[GenerateSerializer, Immutable, Alias("gx.KycSubmission")]
public sealed record KycSubmission(
    [property: Id(0)] string EvidenceHash,
    [property: Id(1)] long EvidenceSize,
    [property: Id(2)] string EvidenceMime);

[GenerateSerializer, Immutable, Alias("gx.KycView")]
public sealed record KycView(
    [property: Id(0)] string Status,
    [property: Id(1)] KycSubmission? Evidence,
    [property: Id(2)] DateTimeOffset? SubmittedAt,
    [property: Id(3)] DateTimeOffset? ReviewedAt,
    [property: Id(4)] string? ReviewNote);
