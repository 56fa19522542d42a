using GxProtocol.ApiFrontends.Infrastructure;

namespace GxProtocol.ApiFrontends.Tax;

/// <summary>
/// A fee quote: the accounts are optional (user ids or organization ids); when both are known on chain their kinds
/// and countries decide, otherwise <see cref="TransactionType"/> (TRANSFER, ORGANIZATION or SYSTEM) does.
/// </summary>
public sealed record FeeCalculationRequest(PositiveCoinAmount Amount, string? TransactionType, string? FromUserId = null, string? ToUserId = null);

public sealed record ApplyVelocityTaxRequest(string? AccountId);
