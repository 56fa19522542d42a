using GxProtocol.ApiFrontends.Domain.Money;

namespace GxProtocol.ApiFrontends.Tax;

/// <summary>
/// A fee quote. Each side is named by an account the caller may see (their own user id, an organization they are a
/// stakeholder of; any account for admins; none for anonymous callers) or by an ISO country code, or left out (taken
/// as domestic). Two accounts decide the kind; otherwise <see cref="TransactionType"/> (TRANSFER, ORGANIZATION or
/// SYSTEM) does. Pools and treasuries are not quoted.
/// </summary>
public sealed record FeeCalculationRequest(
    PositiveCoinAmount Amount, string? TransactionType, string? FromUserId = null, string? ToUserId = null,
    string? FromCountry = null, string? ToCountry = null);

public sealed record ApplyVelocityTaxRequest(string? AccountId);
