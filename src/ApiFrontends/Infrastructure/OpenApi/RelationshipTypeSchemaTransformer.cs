using System.Text.Json.Nodes;
using GxProtocol.ApiFrontends.Identity;
using GxProtocol.Grains.Interfaces.Users;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GxProtocol.ApiFrontends.Infrastructure.OpenApi;

/// <summary>
/// A relationship's type is a string on the wire (so the older lower-case kinds still parse), which the generator
/// documents as any string; this lists the nine kinds as the enum clients should send and will read.
/// </summary>
internal sealed class RelationshipTypeSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is { Name: "type" } property
            && (property.DeclaringType == typeof(CreateRelationshipRequest) || property.DeclaringType == typeof(RelationshipResponse)))
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = [.. RelationshipTypes.All.Select(type => (JsonNode)JsonValue.Create(type))];
            schema.Description = property.DeclaringType == typeof(CreateRelationshipRequest)
                ? "What the invited user is to the caller (FATHER: the invited user is the caller's father). Case-insensitive; "
                  + "the older family, business and friend are accepted as SIBLING, BUSINESS_PARTNER and FRIEND."
                : "What the invited user (toUserId) is to the user who asked (fromUserId).";
        }
        return Task.CompletedTask;
    }
}
