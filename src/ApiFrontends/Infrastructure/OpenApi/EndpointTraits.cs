using GxProtocol.ApiFrontends.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GxProtocol.ApiFrontends.Infrastructure.OpenApi;

/// <summary>
/// What an endpoint's metadata says about it, read the way the middleware reads it: who may call it, whether it
/// changes state, takes an idempotency key, is rate limited, and has path or query parameters.
/// </summary>
internal sealed record EndpointTraits(
    bool RequiresAuthorization,
    IReadOnlyList<string> Policies,
    IReadOnlyList<string> Roles,
    bool IsWrite,
    bool IsIdempotent,
    bool IsRateLimited,
    bool HasPathParameters,
    bool HasQueryParameters)
{
    private static readonly HashSet<string> WriteMethods = new(StringComparer.OrdinalIgnoreCase) { "POST", "PUT", "PATCH", "DELETE" };

    public static async Task<EndpointTraits> ReadAsync(ApiDescription description, IServiceProvider services)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var authorizeData = metadata.OfType<IAuthorizeData>().ToList();
        var policies = metadata.OfType<AuthorizationPolicy>().ToList();
        var policyProvider = services.GetRequiredService<IAuthorizationPolicyProvider>();

        // AuthorizationMiddleware skips every check when IAllowAnonymous is present, and applies the fallback policy
        // (if one is configured) when the endpoint names none.
        AuthorizationPolicy? policy = null;
        if (!metadata.OfType<IAllowAnonymous>().Any())
        {
            policy = authorizeData.Count + policies.Count > 0
                ? await AuthorizationPolicy.CombineAsync(policyProvider, authorizeData, policies)
                : await policyProvider.GetFallbackPolicyAsync();
        }

        var roles = policy?.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>()
            .SelectMany(requirement => requirement.AllowedRoles).Distinct(StringComparer.Ordinal).ToList() ?? [];
        var policyNames = authorizeData.Select(data => data.Policy).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

        var rateLimited = metadata.OfType<EnableRateLimitingAttribute>().Any()
            || services.GetService<IOptions<RateLimiterOptions>>()?.Value.GlobalLimiter is not null;
        var disabledLimiting = metadata.OfType<DisableRateLimitingAttribute>().Any();

        return new EndpointTraits(
            policy is not null,
            policyNames,
            roles,
            description.HttpMethod is { } method && WriteMethods.Contains(method),
            metadata.OfType<IdempotentEndpointMetadata>().Any(),
            rateLimited && !disabledLimiting,
            description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path),
            description.ParameterDescriptions.Any(p => p.Source == BindingSource.Query));
    }
}
