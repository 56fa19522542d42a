using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GxProtocol.ApiFrontends.Infrastructure.OpenApi;

/// <summary>
/// The problem+json answers an operation can give, derived from its traits rather than listed per route: 400 for
/// anything with input (writes, query parameters), 404 where a path names a resource, 409/422 for idempotent writes
/// (the state-changing ones: a reused key, or a grain refusing a conflicting or rule-breaking command), 413 for
/// bodies, 429 where a rate limiter applies. Every existing error response is pointed at the full problem schema.
/// </summary>
internal sealed class ErrorResponsesOperationTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var traits = await EndpointTraits.ReadAsync(context.Description, context.ApplicationServices);
        var document = context.Document ?? throw new InvalidOperationException("The operation has no host document.");

        if (traits.IsWrite || traits.HasQueryParameters || operation.RequestBody is not null)
        {
            ProblemSchema.Add(operation, document, 400, "Malformed or invalid input; 'errors' names each failing field.");
        }
        if (traits.HasPathParameters)
        {
            ProblemSchema.Add(operation, document, 404, "No such resource, or not one the caller may see.");
        }
        if (traits.IsWrite && traits.IsIdempotent)
        {
            ProblemSchema.Add(operation, document, 409,
                "Conflicts with the resource's state, or the X-Idempotency-Key was used for another request or is still in progress.");
            ProblemSchema.Add(operation, document, 422, "Well-formed but refused by a domain rule.");
        }
        if (operation.RequestBody is not null)
        {
            ProblemSchema.Add(operation, document, 413, "The request body is larger than allowed.");
        }
        if (traits.IsRateLimited)
        {
            ProblemSchema.Add(operation, document, 429, "Rate limit reached; see Retry-After.");
            if (operation.Responses?["429"] is OpenApiResponse tooMany)
            {
                tooMany.Headers ??= new Dictionary<string, IOpenApiHeader>();
                tooMany.Headers["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before retrying.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                };
            }
        }

        // Any remaining error response (e.g. from ProducesProblem) gets the full schema too.
        foreach (var (key, response) in operation.Responses?.ToList() ?? [])
        {
            if (int.TryParse(key, out var status) && status >= 400 && response is OpenApiResponse concrete
                && !(concrete.Content?.ContainsKey(ProblemSchema.MediaType) ?? false))
            {
                ProblemSchema.Add(operation, document, status, concrete.Description ?? "Error.");
            }
        }
    }
}
