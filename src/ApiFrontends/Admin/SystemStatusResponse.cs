using GxProtocol.ApiFrontends.Domain.Money;
using GxProtocol.Grains.Interfaces.System;

namespace GxProtocol.ApiFrontends.Admin;

/// <summary>The system's status with pool balances in coins.</summary>
public sealed record SystemStatusResponse(
    bool Bootstrapped,
    bool Paused,
    string? PauseReason,
    string TotalSupply,
    IReadOnlyDictionary<string, string> Pools,
    int Countries,
    long UsersOnChain)
{
    public static SystemStatusResponse From(SystemStatusView view) => new(
        view.Bootstrapped, view.Paused, view.PauseReason, CoinFormat.ToCoins(view.TotalSupply),
        view.Pools.ToDictionary(p => p.Key, p => CoinFormat.ToCoins(p.Value)), view.Countries.Count, view.UsersOnChain);
}
