using Microsoft.AspNetCore.Http;

namespace GxProtocol.ApiFrontends.Infrastructure.BodySize;

/// <summary>
/// A larger body limit for particular requests (file uploads). Consulted before routing, so it matches on method
/// and path; null leaves the request to <see cref="RequestBodyLimitOptions.MaxRequestBodyBytes"/>.
/// </summary>
public interface IRequestBodyLimitPolicy
{
    long? LimitFor(HttpRequest request);
}
