using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace GxProtocol.ApiFrontends.Infrastructure.Auth;

/// <summary>
/// Opaque refresh tokens. Only <see cref="Hash"/> is stored, so a leaked table cannot be replayed; no salt is
/// needed because the token itself carries 256 random bits.
/// </summary>
public static class RefreshTokens
{
    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lower-case hex SHA-256 of the token text.</summary>
    public static string Hash(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
