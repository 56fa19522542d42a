using GxProtocol.Grains.Interfaces.Idempotency;
using Microsoft.AspNetCore.Http;

namespace GxProtocol.ApiFrontends.Infrastructure.Idempotency;

/// <summary>Writes a captured or stored response byte for byte.</summary>
internal sealed class StoredResponseResult(StoredResponse response, bool replayed) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var http = httpContext.Response;
        http.StatusCode = response.StatusCode;
        if (response.ContentType is not null)
        {
            http.ContentType = response.ContentType;
        }
        if (response.Location is not null)
        {
            http.Headers.Location = response.Location;
        }
        if (replayed)
        {
            http.Headers[IdempotencyHeaders.Replayed] = "true";
        }
        http.ContentLength = response.Body.Length;
        if (response.Body.Length > 0)
        {
            await http.Body.WriteAsync(response.Body, httpContext.RequestAborted);
        }
    }
}
