using System.Security.Cryptography;
using System.Text;

namespace GxProtocol.Grains.PaymentRequests;

/// <summary>Bound from <c>Gx:PaymentRequests</c>: the key that signs QR payment payloads (HMAC-SHA256).</summary>
public sealed class PaymentRequestOptions
{
    public const string SectionName = "Gx:PaymentRequests";
    public const int MinimumKeyBytes = 32;

    /// <summary>
    /// Base64 of at least 32 random bytes. Every silo must share it, or a payload signed on one would be refused by
    /// another after the request's grain moves. When absent, a key derived from <c>Gx:Jwt:SigningKey</c> (which a
    /// PostgreSQL deployment already shares) is used; the embedded default generates one per process.
    /// </summary>
    public string? SigningKey { get; set; }

    public static string GenerateDevelopmentKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumKeyBytes));

    /// <summary>A separate key for QR payloads from the JWT key's text, so neither signature can stand in for the other.</summary>
    public static string DeriveFromJwtKey(string jwtSigningKey) => Convert.ToBase64String(HKDF.DeriveKey(HashAlgorithmName.SHA256,
        Encoding.UTF8.GetBytes(jwtSigningKey), MinimumKeyBytes, salt: [], info: Encoding.ASCII.GetBytes("gx payment request qr payload v1")));
}
