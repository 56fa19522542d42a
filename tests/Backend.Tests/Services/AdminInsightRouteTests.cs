using System.Net;
using GxProtocol.Backend.Tests.Support;
using static GxProtocol.Backend.Tests.Support.AdminTestSupport;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>The admin service's read-only views: country statistics, ledger counters, the Orleans cluster.</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class AdminInsightRouteTests(ServicesBackend backend)
{
    private const string Admin = "/admin/api/v1";

    [Fact]
    public async Task Country_stats_count_the_countrys_users_and_refuse_unknown_or_malformed_codes()
    {
        using var user = await backend.NewActiveUserAsync("DE");
        using var anonymous = backend.Anonymous();

        var stats = await Eventually.MatchesAsync(() => backend.SuperAdmin.GetAsync($"{Admin}/countries/DE/stats"),
            r => r.Status == HttpStatusCode.OK && long.Parse(r["users"]) >= 1, "DE to count its user");
        Assert.Equal("DE", stats["countryCode"]);
        Assert.Equal("Germany", stats["name"]);
        Assert.True(decimal.Parse(stats["genesisPaid"]) >= 500, stats.ToString());
        Assert.True(decimal.Parse(stats["treasuryBalance"]) >= 50, stats.ToString());

        AssertProblem(await backend.SuperAdmin.GetAsync($"{Admin}/countries/FJ/stats"), HttpStatusCode.NotFound);
        AssertProblem(await backend.SuperAdmin.GetAsync($"{Admin}/countries/de/stats"), HttpStatusCode.BadRequest, field: "countryCode");
        AssertProblem(await backend.SuperAdmin.GetAsync($"{Admin}/countries/GER/stats"), HttpStatusCode.BadRequest, field: "countryCode");
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.GetAsync($"{Admin}/countries/DE/stats")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Admin}/countries/DE/stats")).Status);
    }

    [Fact]
    public async Task Counters_show_the_fixed_supply_and_the_users_to_admins_only()
    {
        using var user = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();

        var counters = await Eventually.MatchesAsync(() => backend.SuperAdmin.GetAsync($"{Admin}/counters"),
            r => r.Status == HttpStatusCode.OK && long.Parse(r["users"]) >= 1, "the counters to count users");
        Assert.Equal("1250000000000", counters["totalSupply"]);
        foreach (var field in new[] { "organizations", "loans", "proposals", "transfers" })
        {
            Assert.True(long.Parse(counters[field]) >= 0, counters.ToString());
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.GetAsync($"{Admin}/counters")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Admin}/counters")).Status);
    }

    [Fact]
    public async Task The_cluster_view_lists_the_active_silo_with_its_activations()
    {
        using var user = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();

        var cluster = await backend.SuperAdmin.GetAsync($"{Admin}/cluster");

        Assert.True(cluster.Status == HttpStatusCode.OK, cluster.ToString());
        Assert.Equal("1", cluster["activeSilos"]);
        var silo = Assert.Single(cluster.Json["silos"]!.AsArray(), s => s?["status"]?.ToString() == "ACTIVE")!;
        Assert.True(silo["activations"]!.GetValue<int>() > 0, cluster.ToString());
        Assert.True(cluster.Json["totalActivations"]!.GetValue<int>() >= silo["activations"]!.GetValue<int>(), cluster.ToString());
        Assert.Contains(cluster.Json["grainTypes"]!.AsArray(), t => t?["grainType"]?.ToString().Contains("user", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.GetAsync($"{Admin}/cluster")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Admin}/cluster")).Status);
    }
}
