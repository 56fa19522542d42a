using GxProtocol.Grains.Interfaces.Commands;

namespace GxProtocol.Grains.Interfaces.System;

/// <summary>The system as a whole: bootstrap, countries, pause state, pools. One grain, key <see cref="Key"/>.</summary>
[Alias("gx.ISystemGrain")]
public interface ISystemGrain : IGrainWithStringKey, ICommandOrigin
{
    const string Key = "gx";

    [Alias("Bootstrap")] Task<CommandAccepted> BootstrapAsync(Guid superAdminId, Guid commandId);
    [Alias("InitializeCountries")] Task<CommandAccepted> InitializeCountriesAsync(Guid superAdminId, Guid commandId, IReadOnlyList<CountryView> countries);
    [Alias("GetStatus")] Task<SystemStatusView> GetStatusAsync();
}
