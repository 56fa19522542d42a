using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace GxProtocol.ApiFrontends.Documents;

/// <summary>
/// Short-lived download links: <c>expires</c> (Unix seconds) and <c>signature</c> = base64url(HMAC-SHA256(key,
/// "documentId:expires")). The link itself is the permission, so it is handed out only to the owner and admins and
/// lives minutes; whoever holds it may fetch the bytes without a token (an &lt;img src&gt; or a download).
/// </summary>
public sealed class DocumentLinkSigner(IOptions<DocumentOptions> documents, IOptions<JwtOptions> jwt, TimeProvider clock)
{
    private static readonly byte[] DerivationLabel = "gx-kyc-document-links-v1"u8.ToArray();
    private readonly Lazy<byte[]> _key = new(() => KeyFrom(documents.Value, jwt.Value));

    public (string Url, DateTimeOffset ExpiresAt) Create(Guid documentId)
    {
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().ToUnixTimeSeconds() + documents.Value.LinkLifetimeSeconds);
        var expires = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var url = $"/identity/api/v1/documents/{documentId}/content?expires={expires}&signature={Sign(documentId, expires)}";
        return (url, expiresAt);
    }

    public LinkCheck Check(Guid documentId, string? expires, string? signature)
    {
        if (string.IsNullOrEmpty(expires) || string.IsNullOrEmpty(signature)
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt))
        {
            return LinkCheck.Invalid;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(documentId, expires));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
        {
            return LinkCheck.Invalid;
        }
        return clock.GetUtcNow().ToUnixTimeSeconds() >= expiresAt ? LinkCheck.Expired : LinkCheck.Valid;
    }

    private string Sign(Guid documentId, string expires) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key.Value, Encoding.ASCII.GetBytes($"{documentId:D}:{expires}")));

    /// <summary>The configured key, or one derived from the JWT key so that links never verify as tokens or the reverse.</summary>
    private static byte[] KeyFrom(DocumentOptions documents, JwtOptions jwt) =>
        !string.IsNullOrWhiteSpace(documents.LinkSigningKey)
            ? Convert.FromBase64String(documents.LinkSigningKey)
            : HMACSHA256.HashData(jwt.SigningKeyBytes(), DerivationLabel);
}

public enum LinkCheck
{
    Valid,
    Invalid,
    Expired,
}
