using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.ApiFrontends.Infrastructure.Validation;
using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.Interfaces.System;
using GxProtocol.Grains.Interfaces.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orleans.Runtime;

namespace GxProtocol.ApiFrontends.Admin;

/// <summary>Read-only views for operators: a country's statistics, ledger totals, the Orleans cluster.</summary>
public static partial class AdminApi
{
    private static void MapInsightRoutes(RouteGroupBuilder admin)
    {
        admin.MapGet("/countries/{countryCode}/stats", GetCountryStatsAsync)
            .WithSummary("A country's allocation, users, genesis paid and treasury balance");
        admin.MapGet("/counters", GetCountersAsync)
            .WithSummary("Ledger-wide totals: supply, users, organizations, loans, proposals, transfers");
        admin.MapGet("/cluster", GetClusterAsync)
            .WithSummary("The Orleans cluster: every silo in the membership table and its activations");
    }

    private static async Task<Results<Ok<CountryStatsResponse>, ProblemHttpResult>> GetCountryStatsAsync(string countryCode, IGrainFactory grains)
    {
        if (new RequestValidator().CountryCode("countryCode", countryCode).HasProblem(out var problem))
        {
            return problem;
        }
        // The read models know only what happened; whether the country exists is the system grain's to say.
        var country = (await System(grains).GetStatusAsync()).Countries.FirstOrDefault(c => c.Code == countryCode);
        if (country is null)
        {
            return GxProblems.NotFound($"Country {countryCode}");
        }
        var stats = await grains.GetGrain<IReadModelQueryGrain>(0).GetCountryStatsAsync(countryCode);
        return TypedResults.Ok(CountryStatsResponse.From(country, stats));
    }

    private static async Task<Ok<CountersResponse>> GetCountersAsync(IGrainFactory grains) =>
        TypedResults.Ok(CountersResponse.From(await grains.GetGrain<IReadModelQueryGrain>(0).GetCountersAsync(),
            await grains.GetGrain<IUserListGrain>(0).CountByStatusAsync()));

    private static async Task<Ok<ClusterResponse>> GetClusterAsync(IGrainFactory grains)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var members = await management.GetDetailedHosts(onlyActive: false);
        var statistics = await management.GetSimpleGrainStatistics();
        return TypedResults.Ok(ClusterResponse.From(members, statistics));
    }
}
