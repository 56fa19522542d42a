using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GxProtocol.ApiFrontends.Infrastructure.OpenApi;

/// <summary>
/// Enums are written as strings (GxJson refuses integers), but the generated schema lists only the values; stating
/// the type lets client generators produce string enums.
/// </summary>
internal sealed class StringEnumSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum && schema.Enum is { Count: > 0 } && schema.Type is null)
        {
            schema.Type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) is null
                ? JsonSchemaType.String
                : JsonSchemaType.String | JsonSchemaType.Null;
        }
        return Task.CompletedTask;
    }
}
