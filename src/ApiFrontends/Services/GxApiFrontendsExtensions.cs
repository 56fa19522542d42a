using GxProtocol.ApiFrontends.Admin;
using GxProtocol.ApiFrontends.Documents;
using GxProtocol.ApiFrontends.Identity;
using GxProtocol.ApiFrontends.Infrastructure;
using GxProtocol.ApiFrontends.Infrastructure.OpenApi;
using GxProtocol.ApiFrontends.Tokenomics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GxProtocol.ApiFrontends.Services;

/// <summary>Registers and maps the REST services, whether they run in their own process or inside the silo.</summary>
public static class GxApiFrontendsExtensions
{
    private static readonly IReadOnlyDictionary<string, Func<IEndpointRouteBuilder, IEndpointRouteBuilder>> Modules =
        new Dictionary<string, Func<IEndpointRouteBuilder, IEndpointRouteBuilder>>
        {
            [GxServiceNames.Identity] = IdentityApi.MapIdentityApi,
            [GxServiceNames.Admin] = AdminApi.MapAdminApi,
            [GxServiceNames.Tokenomics] = TokenomicsApi.MapTokenomicsApi,
            [GxServiceNames.Organization] = Organization.OrganizationApi.MapOrganizationApi,
            [GxServiceNames.LoanPool] = LoanPool.LoanPoolApi.MapLoanPoolApi,
            [GxServiceNames.Governance] = Governance.GovernanceApi.MapGovernanceApi,
            [GxServiceNames.Tax] = Tax.TaxApi.MapTaxApi,
        };

    public static IServiceCollection AddGxApiFrontends(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGxApiInfrastructure(configuration);
        services.AddSingleton<SessionTokens>();
        services.AddGxAdminSignIn(configuration);
        services.AddGxDocuments(configuration);
        services.AddGxOpenApi(GxServiceNames.All);
        return services;
    }

    /// <summary>Maps the named services' routes and each one's <c>/&lt;service&gt;/health/live|ready</c>, <c>/&lt;service&gt;/openapi/v1.json</c> and <c>/&lt;service&gt;/docs</c>.</summary>
    public static IEndpointRouteBuilder MapGxServices(this IEndpointRouteBuilder routes, IEnumerable<string> services)
    {
        foreach (var service in services)
        {
            if (Modules.TryGetValue(service, out var map))
            {
                map(routes);
            }
            routes.MapGet($"/{service}/health/live", () => TypedResults.Ok(new { status = "live" })).AllowAnonymous();
            routes.MapHealthChecks($"/{service}/health/ready").AllowAnonymous();
            routes.MapGxOpenApi(service);
            routes.MapGxApiReference(service);
        }
        return routes;
    }

    /// <summary>The services selected by <c>--service NAME</c> (or <c>Gx:Service</c>); all seven when unset or "all".</summary>
    public static IReadOnlyList<string> SelectedServices(IConfiguration configuration)
    {
        var selected = configuration["service"] ?? configuration["Gx:Service"];
        if (string.IsNullOrWhiteSpace(selected) || selected == "all")
        {
            return GxServiceNames.All.ToList();
        }
        return GxServiceNames.Ports.ContainsKey(selected)
            ? [selected]
            : throw new InvalidOperationException($"Gx:Service (--service) must be one of {string.Join(", ", GxServiceNames.All)} or all; got '{selected}'.");
    }
}
