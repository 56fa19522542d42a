using System.Text.Json.Nodes;
using GxProtocol.ApiFrontends.Infrastructure.Commands;
using GxProtocol.ApiFrontends.Infrastructure.Idempotency;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GxProtocol.ApiFrontends.Infrastructure.OpenApi;

/// <summary>
/// Headers the handlers read from the request instead of binding: the required <c>X-Idempotency-Key</c> on endpoints
/// marked <c>.WithIdempotency()</c>, and <c>Prefer: wait=N</c> on ledger commands (those that can answer 202), whose
/// 202 carries the command's <c>Location</c> and whose 200 says <c>Preference-Applied</c>.
/// </summary>
internal sealed class RequestHeadersOperationTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var traits = await EndpointTraits.ReadAsync(context.Description, context.ApplicationServices);
        if (traits.IsIdempotent)
        {
            AddHeader(operation, new OpenApiParameter
            {
                Name = IdempotencyHeaders.Key,
                In = ParameterLocation.Header,
                Required = true,
                Description = "Unique per intended change; a retry with the same key and body gets the first answer again " +
                    "(with Idempotent-Replayed: true), the same key with another body gets 409.",
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    MinLength = IdempotencyHeaders.MinKeyLength,
                    MaxLength = IdempotencyHeaders.MaxKeyLength,
                    Pattern = "^[!-~]+$",
                },
                Example = JsonValue.Create("c0ffee00-2b8f-4f7e-9a51-6f0d6ad1b7e3"),
            });
            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (status.StartsWith('2'))
                {
                    AddResponseHeader(response, IdempotencyHeaders.Replayed, "'true' when this is the stored answer to an earlier request with the same key.");
                }
            }
        }

        if (operation.Responses?.TryGetValue("202", out var accepted) is true &&
            !context.Description.ActionDescriptor.EndpointMetadata.OfType<NoLedgerCommandMetadata>().Any())
        {
            AddHeader(operation, new OpenApiParameter
            {
                Name = "Prefer",
                In = ParameterLocation.Header,
                Required = false,
                Description = $"RFC 7240 'wait=N': wait up to N seconds (at most {(int)PreferWait.Maximum.TotalSeconds}) for the ledger " +
                    "commit and answer 200 with the command's outcome instead of 202.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "wait=\\d+" },
                Example = JsonValue.Create("wait=20"),
            });
            AddResponseHeader(accepted, "Location", "The command's status: /identity/api/v1/commands/{commandId}.");
            if (operation.Responses.TryGetValue("200", out var finished))
            {
                AddResponseHeader(finished, "Preference-Applied", "Echoes 'wait=N' when the command finished within the wait.");
            }
        }
    }

    private static void AddHeader(OpenApiOperation operation, OpenApiParameter parameter)
    {
        operation.Parameters ??= [];
        if (!operation.Parameters.Any(p => p.In == ParameterLocation.Header && string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
        {
            operation.Parameters.Add(parameter);
        }
    }

    private static void AddResponseHeader(IOpenApiResponse response, string name, string description)
    {
        if (response is OpenApiResponse concrete)
        {
            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            concrete.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }
    }
}
