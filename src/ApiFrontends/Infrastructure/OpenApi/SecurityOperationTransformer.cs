using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GxProtocol.ApiFrontends.Infrastructure.OpenApi;

/// <summary>
/// A bearer security requirement, 401 and 403 on every operation whose endpoint requires authorization; the roles its
/// policy admits go to <c>x-gx-roles</c> and the description. Anonymous operations get an empty requirement
/// (<c>security: []</c>) and none of the rest.
/// </summary>
internal sealed class SecurityOperationTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var traits = await EndpointTraits.ReadAsync(context.Description, context.ApplicationServices);
        if (!traits.RequiresAuthorization)
        {
            // An explicit empty requirement: "anonymous on purpose", where a missing one would read as forgotten.
            operation.Security = [];
            return;
        }
        var document = context.Document ?? throw new InvalidOperationException("The operation has no host document.");

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(GxDocumentTransformer.BearerScheme, document)] = [],
        });

        // Which resources a user may reach is decided by the handler (own wallet, own loans...), not by the policy.
        var who = traits.Roles.Count > 0 ? $"role {string.Join(" or ", traits.Roles)}" : "an access token";
        operation.Description = string.IsNullOrEmpty(operation.Description)
            ? $"Requires {who}."
            : $"{operation.Description}\n\nRequires {who}.";
        if (traits.Roles.Count > 0)
        {
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions["x-gx-roles"] = new JsonNodeExtension(new JsonArray([.. traits.Roles.Select(role => JsonValue.Create(role))]));
        }

        ProblemSchema.Add(operation, document, 401, "Missing, invalid or expired access token.");
        ProblemSchema.Add(operation, document, 403, "The caller's role or relation to the resource does not allow this.");
    }
}
