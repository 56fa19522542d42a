using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GxProtocol.ApiFrontends.Infrastructure.OpenApi;

/// <summary>
/// Client generators name their methods after operationId; routes rarely set one (<c>.WithName</c>), so the handler's
/// method name stands in (TransferAsync -> transfer). Lambdas fall back to method and path. The document transformer
/// makes the ids unique.
/// </summary>
internal sealed class OperationIdTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(operation.OperationId))
        {
            return Task.CompletedTask;
        }
        var handler = context.Description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().LastOrDefault();
        var name = handler is not null && !handler.Name.Contains('<', StringComparison.Ordinal)
            ? handler.Name.EndsWith("Async", StringComparison.Ordinal) ? handler.Name[..^"Async".Length] : handler.Name
            : $"{context.Description.HttpMethod}{string.Concat((context.Description.RelativePath ?? "").Split('/', '{', '}', '-').Select(Capitalize))}";
        operation.OperationId = char.ToLowerInvariant(name[0]) + name[1..];
        return Task.CompletedTask;
    }

    /// <summary>Suffixes repeated ids (two modules may both have an ApproveAsync) so each is unique in its document.</summary>
    public static void MakeUnique(OpenApiDocument document)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var operation in document.Paths.Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? []))
        {
            if (operation.OperationId is not { } id)
            {
                continue;
            }
            seen[id] = seen.GetValueOrDefault(id) + 1;
            if (seen[id] > 1)
            {
                operation.OperationId = $"{id}{seen[id]}";
            }
        }
    }

    private static string Capitalize(string part) => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant();
}
