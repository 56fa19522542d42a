using GxProtocol.ApiFrontends.Infrastructure.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;

namespace GxProtocol.ApiFrontends.Infrastructure.OpenApi;

/// <summary>
/// An interactive reference (Scalar) for each service's OpenAPI document at <c>/&lt;service&gt;/docs</c>. The page
/// and its script come from this process (the script is embedded in the package, the CDN fonts are off), so it works
/// where the browser reaches only the API, and under the page CSP of <see cref="SecurityHeadersMiddleware"/>.
/// </summary>
public static class ApiReferenceExtensions
{
    public const string DocsSegment = "docs";

    public static void MapGxApiReference(this IEndpointRouteBuilder routes, string service)
    {
        var options = routes.ServiceProvider.GetRequiredService<IConfiguration>().GetSection(ApiReferenceOptions.SectionName)
            .Get<ApiReferenceOptions>() ?? new ApiReferenceOptions();
        if (!options.Enabled)
        {
            return;
        }
        var reference = routes.MapScalarApiReference($"/{service}/{DocsSegment}", scalar => scalar
            .WithTitle($"GX {service} API")
            .AddDocument(service, $"GX {service}", $"/{service}{GxOpenApiExtensions.DocumentPath}", isDefault: true)
            .DisableDefaultFonts());
        if (options.RequireAdmin)
        {
            reference.RequireAuthorization(GxPolicies.Admin);
        }
        else
        {
            reference.AllowAnonymous();
        }
    }

    /// <summary>True for the reference page and its script, which need a CSP that lets the page run.</summary>
    public static bool IsApiReference(PathString path)
    {
        var segments = path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return segments.Length >= 2 && segments[1] == DocsSegment;
    }
}
