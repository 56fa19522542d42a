using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace GxProtocol.ApiFrontends.Infrastructure.Idempotency;

/// <summary>SHA-256 over method, path, query and body bytes: "the same request" for idempotency purposes.</summary>
public static class RequestFingerprint
{
    public static async Task<string> ComputeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Length-prefixed parts so "/a" + "b" and "/ab" + "" cannot collide.
        AppendPart(hash, request.Method);
        AppendPart(hash, request.PathBase.Add(request.Path).Value ?? string.Empty);
        AppendPart(hash, request.QueryString.Value ?? string.Empty);

        var body = request.Body;
        body.Position = 0;
        var buffer = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }
        body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void AppendPart(IncrementalHash hash, string part)
    {
        var bytes = Encoding.UTF8.GetBytes(part);
        hash.AppendData(BitConverter.GetBytes(bytes.Length));
        hash.AppendData(bytes);
    }
}
