using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GxProtocol.ApiFrontends.Infrastructure.OpenApi;

/// <summary>
/// Document-wide parts: title and description of the service, the bearer JWT security scheme the operations refer
/// to, the problem schema of every error response, operation ids unique within the document, the service's tag
/// description, and server URLs without a trailing slash.
/// </summary>
internal sealed class GxDocumentTransformer(string service) : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = $"GX Protocol {service} API",
            Version = "v1",
            Description = $"The {service} service of the GX Protocol backend, under /{service}/api/v1. Amounts are coins as decimal " +
                "strings (at most 6 fraction digits). Errors are application/problem+json with a stable 'code'. Writes take " +
                "X-Idempotency-Key; ledger commands answer 202 with a command id unless 'Prefer: wait=N' sees them finish.",
        };

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "The accessToken from POST /identity/api/v1/auth/login, as 'Authorization: Bearer <token>' (valid 15 minutes).",
        };

        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema.Id] = ProblemSchema.Create();
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name == service)
            {
                tag.Description = ServiceDescriptions.For(service);
            }
        }
        // Clients join a server URL and an operation path ("/tax/api/v1/..."): a trailing slash would double it.
        foreach (var server in document.Servers ?? [])
        {
            if (server.Url is { Length: > 1 } url && url.EndsWith('/'))
            {
                server.Url = url.TrimEnd('/');
            }
        }
        OperationIdTransformer.MakeUnique(document);
        return Task.CompletedTask;
    }
}
