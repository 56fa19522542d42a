using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GxProtocol.ApiFrontends.Infrastructure.OpenApi;

/// <summary>
/// One OpenAPI document per service, served at <c>/&lt;service&gt;/openapi/v1.json</c>. A document holds the
/// endpoints tagged with the service's name (every module maps its group with <c>.WithTags(service)</c>), and the
/// transformers add what the route code does not state: bearer security, problem responses, idempotency and
/// <c>Prefer</c> headers, coin amounts as strings. New modules are covered without per-route code.
/// </summary>
public static class GxOpenApiExtensions
{
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>Registers a document named after each service (names are lower case, as the URL segment).</summary>
    public static IServiceCollection AddGxOpenApi(this IServiceCollection services, IEnumerable<string> serviceNames)
    {
        foreach (var service in serviceNames)
        {
            services.AddOpenApi(service, options =>
            {
                options.ShouldInclude = description => IsTagged(description, service);
                options.AddSchemaTransformer<CoinAmountSchemaTransformer>();
                options.AddSchemaTransformer<StringEnumSchemaTransformer>();
                options.AddSchemaTransformer<RelationshipTypeSchemaTransformer>();
                options.AddSchemaTransformer<FormFileSchemaTransformer>();
                options.AddOperationTransformer<OperationIdTransformer>();
                options.AddOperationTransformer<SecurityOperationTransformer>();
                options.AddOperationTransformer<RequestHeadersOperationTransformer>();
                options.AddOperationTransformer<ErrorResponsesOperationTransformer>();
                options.AddDocumentTransformer(new GxDocumentTransformer(service));
            });
        }
        return services;
    }

    /// <summary>Maps <c>/&lt;service&gt;/openapi/v1.json</c>, anonymous: clients read the contract before they log in.</summary>
    public static IEndpointConventionBuilder MapGxOpenApi(this IEndpointRouteBuilder routes, string service)
    {
        // MapOpenApi takes the document name from a route parameter; pinning it to this service keeps a frontend
        // that serves one service from answering for the others.
        return routes.MapOpenApi($"/{{documentName:regex(^{service}$)}}{DocumentPath}").AllowAnonymous();
    }

    private static bool IsTagged(ApiDescription description, string service) =>
        description.ActionDescriptor.EndpointMetadata.OfType<ITagsMetadata>().LastOrDefault() is { } tags
        && tags.Tags.Contains(service, StringComparer.Ordinal);
}
