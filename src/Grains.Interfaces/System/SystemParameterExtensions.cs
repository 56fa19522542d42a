namespace GxProtocol.Grains.Interfaces.System;

public static class SystemParameterExtensions
{
    /// <summary>The current value of a governable parameter (see GxParameters) as the ledger last set it, else its default.</summary>
    public static async Task<long> CurrentParameterAsync(this IGrainFactory grains, string paramId) =>
        (await grains.GetGrain<ISystemGrain>(ISystemGrain.Key).GetParameterAsync(paramId)
            ?? throw new ArgumentException($"'{paramId}' is not a governable parameter.", nameof(paramId))).Value;
}
