using System.Security.Cryptography;

namespace GxProtocol.ApiFrontends.Infrastructure.Auth;

/// <summary>Bound from <c>Gx:Jwt</c>; every frontend of one deployment must share the same signing key.</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Gx:Jwt";
    public const int MinimumKeyBytes = 32;
    public const string DefaultIssuer = "gx-protocol";
    public const string DefaultAudience = "gx-api";
    public const int DefaultAccessTokenMinutes = 15;
    public const int DefaultRefreshTokenDays = 30;
    public const int DefaultSessionMaxDays = 90;
    public const int DefaultAdminAccessTokenMinutes = 5;
    public const int DefaultAdminRefreshIdleMinutes = 60;

    /// <summary>Base64 of at least 32 random bytes (HMAC-SHA256 key).</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = DefaultIssuer;

    public string Audience { get; set; } = DefaultAudience;

    public int AccessTokenMinutes { get; set; } = DefaultAccessTokenMinutes;

    public int RefreshTokenDays { get; set; } = DefaultRefreshTokenDays;

    /// <summary>Absolute lifetime of a session: rotating its refresh token never carries it past this many days after login.</summary>
    public int SessionMaxDays { get; set; } = DefaultSessionMaxDays;

    /// <summary>Access-token lifetime for admins and super admins: shorter than a user's, since theirs can do more.</summary>
    public int AdminAccessTokenMinutes { get; set; } = DefaultAdminAccessTokenMinutes;

    /// <summary>An admin's refresh token lapses after this many minutes unused (a user's after RefreshTokenDays).</summary>
    public int AdminRefreshIdleMinutes { get; set; } = DefaultAdminRefreshIdleMinutes;

    /// <summary>
    /// A fresh random key for a single-process development run. Tokens die with the process, and separate
    /// frontend processes would not accept each other's tokens, so only the embedded default should use it.
    /// </summary>
    public static string GenerateDevelopmentKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumKeyBytes));

    internal byte[] SigningKeyBytes() => Convert.FromBase64String(SigningKey ?? throw new InvalidOperationException(
        $"{SectionName}:{nameof(SigningKey)} is not configured."));
}
