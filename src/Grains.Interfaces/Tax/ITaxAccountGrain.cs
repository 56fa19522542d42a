using GxProtocol.Grains.Interfaces.Commands;

namespace GxProtocol.Grains.Interfaces.Tax;

/// <summary>
/// What one account (a user id or an organization id) paid in fees and velocity tax, and when it last sent money,
/// which decides whether the velocity tax is due. Keyed by the account id.
/// </summary>
[Alias("gx.ITaxAccountGrain")]
public interface ITaxAccountGrain : IGrainWithStringKey, ICommandOrigin
{
    /// <summary>The grain key of an account as the ledger's events name it: a user id in its lowercase dashed form.</summary>
    static string KeyFor(string accountId) => Guid.TryParse(accountId, out var userId) ? userId.ToString("D") : accountId;

    /// <summary>Totals and the latest entries; 404 when the ledger knows no such account.</summary>
    [Alias("GetAccount")] Task<TaxAccountView> GetAccountAsync();

    /// <summary>Whether the velocity tax is due now, with the balance, the idle days and the band rate.</summary>
    [Alias("GetVelocityTaxEligibility")] Task<VelocityTaxEligibility> GetVelocityTaxEligibilityAsync();

    /// <summary>An admin charges the velocity tax; refused (409) when it is not due or already pending.</summary>
    [Alias("ApplyVelocityTax")] Task<CommandAccepted> ApplyVelocityTaxAsync(Guid adminId, Guid commandId);
}
