using System.Text.Json.Nodes;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace GxProtocol.ApiFrontends.Infrastructure.OpenApi;

/// <summary>The RFC 9457 problem every error answers with, as GxProblems writes it: a stable code and per-field errors.</summary>
internal static class ProblemSchema
{
    /// <summary>Same id as the generator's own ProblemDetails schema, so its references land on this complete one.</summary>
    public const string Id = "ProblemDetails";

    public const string MediaType = "application/problem+json";

    public static OpenApiSchema Create() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details. Switch on 'code'; 'errors' names each failing field.",
        Required = new HashSet<string> { "status", "title", GxProblems.CodeKey },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            [GxProblems.CodeKey] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "Stable machine-readable reason, e.g. validation_failed, not_found, idempotency_key_reused.",
                Examples = [JsonValue.Create(ProblemCodes.ValidationFailed)],
            },
            [GxProblems.ErrorsKey] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Messages per failing field (JSON path of the field, or a header name).",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
        },
    };

    public static OpenApiResponse Response(OpenApiDocument document, int status, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [MediaType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(Id, document) },
        },
    };

    /// <summary>Adds the problem response for a status, or makes an existing one (e.g. from ProducesProblem) use the full schema.</summary>
    public static void Add(OpenApiOperation operation, OpenApiDocument document, int status, string description)
    {
        operation.Responses ??= new OpenApiResponses();
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.TryGetValue(key, out var existing) && existing is OpenApiResponse response)
        {
            response.Description = string.IsNullOrEmpty(response.Description) || response.Description == ReasonPhrases.GetReasonPhrase(status)
                ? description
                : response.Description;
            response.Content = new Dictionary<string, OpenApiMediaType>
            {
                [MediaType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(Id, document) },
            };
            return;
        }
        operation.Responses[key] = Response(document, status, description);
    }
}
