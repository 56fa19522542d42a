using GxProtocol.Grains.Interfaces.Commands;
using Orleans.Concurrency;

namespace GxProtocol.Grains.Interfaces.System;

/// <summary>
/// The system as a whole: bootstrap, countries, parameters, pause state, admins, treasuries, pools. One grain, key
/// <see cref="Key"/>. Each command method checks what the grain can see (409/404/400) before the ledger does.
/// </summary>
[Alias("gx.ISystemGrain")]
public interface ISystemGrain : IGrainWithStringKey, ICommandOrigin
{
    const string Key = "gx";

    [Alias("Bootstrap")] Task<CommandAccepted> BootstrapAsync(Guid superAdminId, Guid commandId);
    [Alias("InitializeCountries")] Task<CommandAccepted> InitializeCountriesAsync(Guid superAdminId, Guid commandId, IReadOnlyList<CountryView> countries);
    [Alias("GetStatus")] Task<SystemStatusView> GetStatusAsync();

    /// <summary>Whether the ledger paused the system, or a pause is on its way. Interleaves: every transfer asks, and it only reads state.</summary>
    [Alias("IsPaused"), AlwaysInterleave] Task<bool> IsPausedAsync();

    [Alias("UpdateParameter")] Task<CommandAccepted> UpdateParameterAsync(Guid adminId, Guid commandId, string paramId, long newValue);

    /// <summary>The parameter's value as the ledger last set it (by update or executed proposal), else its default; null when unknown.</summary>
    [Alias("GetParameter"), AlwaysInterleave] Task<SystemParameterView?> GetParameterAsync(string paramId);

    [Alias("Pause")] Task<CommandAccepted> PauseAsync(Guid superAdminId, Guid commandId, string reason);
    [Alias("Resume")] Task<CommandAccepted> ResumeAsync(Guid superAdminId, Guid commandId);
    [Alias("AppointAdmin")] Task<CommandAccepted> AppointAdminAsync(Guid superAdminId, Guid commandId, Guid newAdminId);
    [Alias("ActivateTreasury")] Task<CommandAccepted> ActivateTreasuryAsync(Guid superAdminId, Guid commandId, string countryCode);
}
