namespace GxProtocol.Grains.Interfaces.Tax;

/// <summary>
/// Whether the velocity tax is due now. <see cref="IdleSince"/> is the last outgoing transfer (or tax) this backend
/// saw, else when the wallet was registered; null when neither is known, and then the ledger alone decides.
/// </summary>
[GenerateSerializer, Immutable, Alias("gx.VelocityTaxEligibility")]
public sealed record VelocityTaxEligibility(
    [property: Id(0)] string AccountId,
    [property: Id(1)] bool Eligible,
    [property: Id(2)] long Balance,
    [property: Id(3)] DateTimeOffset? IdleSince,
    [property: Id(4)] int? DaysSinceLastOutgoing,
    [property: Id(5)] int PeriodDays,
    [property: Id(6)] int RateBps,
    [property: Id(7)] long TaxIfApplied);
