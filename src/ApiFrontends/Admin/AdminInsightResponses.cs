using GxProtocol.ApiFrontends.Domain.Money;
using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.Interfaces.System;
using Orleans.Runtime;

namespace GxProtocol.ApiFrontends.Admin;

/// <summary>A country's allocation with what the ledger did for it, amounts in coins.</summary>
public sealed record CountryStatsResponse(
    string CountryCode, string Name, decimal Percentage, long Users, string GenesisPaid, string TreasuryBalance, bool TreasuryActive)
{
    public static CountryStatsResponse From(CountryView country, CountryStats stats) => new(country.Code, country.Name, country.Percentage,
        stats.Users, CoinFormat.ToCoins(stats.GenesisPaid), CoinFormat.ToCoins(stats.TreasuryBalance), stats.TreasuryActive);
}

/// <summary>
/// Totals over the whole ledger, the supply in coins; <see cref="UsersByStatus"/> counts the user directory (every
/// registered user, on chain or not) from the same rows the user list shows.
/// </summary>
public sealed record CountersResponse(
    string TotalSupply, long Users, long Organizations, long Loans, long Proposals, long Transfers, IReadOnlyDictionary<string, long> UsersByStatus)
{
    public static CountersResponse From(LedgerCounters counters, IReadOnlyDictionary<string, long> usersByStatus) => new(
        CoinFormat.ToCoins(counters.TotalSupply), counters.Users, counters.Organizations, counters.Loans, counters.Proposals, counters.Transfers,
        usersByStatus);
}

/// <summary>One silo as the membership table knows it, with the activations it hosts.</summary>
public sealed record SiloResponse(string Address, string Name, string HostName, string Status, DateTime StartedAt, DateTime LastAliveAt, int Activations);

public sealed record GrainTypeActivations(string GrainType, int Activations);

/// <summary>The cluster: every silo in the membership table (dead ones too), and activations by silo and grain type.</summary>
public sealed record ClusterResponse(int ActiveSilos, int TotalActivations, IReadOnlyList<SiloResponse> Silos, IReadOnlyList<GrainTypeActivations> GrainTypes)
{
    private const int MaxGrainTypes = 50;

    public static ClusterResponse From(MembershipEntry[] members, SimpleGrainStatistic[] statistics)
    {
        var bySilo = statistics.GroupBy(s => s.SiloAddress).ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount));
        var silos = members
            .OrderBy(m => m.Status == SiloStatus.Active ? 0 : 1).ThenBy(m => m.SiloAddress.ToString(), StringComparer.Ordinal)
            .Select(m => new SiloResponse(m.SiloAddress.ToString(), m.SiloName, m.HostName, m.Status.ToString().ToUpperInvariant(),
                m.StartTime, m.IAmAliveTime, bySilo.GetValueOrDefault(m.SiloAddress)))
            .ToList();
        var grainTypes = statistics.GroupBy(s => s.GrainType)
            .Select(g => new GrainTypeActivations(g.Key, g.Sum(s => s.ActivationCount)))
            .OrderByDescending(g => g.Activations).ThenBy(g => g.GrainType, StringComparer.Ordinal)
            .Take(MaxGrainTypes).ToList();
        return new(members.Count(m => m.Status == SiloStatus.Active), statistics.Sum(s => s.ActivationCount), silos, grainTypes);
    }
}
