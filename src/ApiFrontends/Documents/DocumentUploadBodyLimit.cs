using GxProtocol.ApiFrontends.Infrastructure.BodySize;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace GxProtocol.ApiFrontends.Documents;

/// <summary>
/// Lets <c>POST /identity/api/v1/users/{id}/documents</c> through the small JSON body limit: the document's own limit
/// plus room for the multipart envelope. The upload counts the file part itself and names the field when it is too large.
/// </summary>
internal sealed class DocumentUploadBodyLimit(IOptions<DocumentOptions> options) : IRequestBodyLimitPolicy
{
    public const long EnvelopeBytes = 64 * 1024;
    private const string Prefix = "/identity/api/v1/users/";
    private const string Suffix = "/documents";

    public long? LimitFor(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method) || request.Path.Value is not { } path
            || !path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || !path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var id = path.AsSpan(Prefix.Length, Math.Max(0, path.Length - Prefix.Length - Suffix.Length));
        return Guid.TryParse(id, out _) ? options.Value.MaxBytes + EnvelopeBytes : null;
    }
}
