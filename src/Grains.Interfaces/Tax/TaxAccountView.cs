namespace GxProtocol.Grains.Interfaces.Tax;

/// <summary>An account's tax record in Qirat: everything it paid, and the latest payments (newest first).</summary>
[GenerateSerializer, Immutable, Alias("gx.TaxAccountView")]
public sealed record TaxAccountView(
    [property: Id(0)] string AccountId,
    [property: Id(1)] long FeesPaid,
    [property: Id(2)] long VelocityTaxPaid,
    [property: Id(3)] DateTimeOffset? LastOutgoingAt,
    [property: Id(4)] IReadOnlyList<TaxHistoryEntry> History);
