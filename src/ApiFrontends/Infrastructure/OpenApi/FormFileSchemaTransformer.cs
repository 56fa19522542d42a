using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GxProtocol.ApiFrontends.Infrastructure.OpenApi;

/// <summary>
/// The shared <c>IFormFile</c> schema is a binary string. The generator also marks it nullable, so an optional file
/// property (<c>oneOf: [null, IFormFile]</c>) offers <c>null</c> twice, which clients read as an ambiguous union.
/// </summary>
internal sealed class FormFileSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(IFormFile) && schema.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        {
            schema.Type = type & ~JsonSchemaType.Null;
        }
        return Task.CompletedTask;
    }
}
