using System.Security.Claims;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GxProtocol.ApiFrontends.Identity;

/// <summary>
/// The short-lived token a password login hands an admin who still owes the second factor: signed with the access
/// tokens' key but for another audience, so the bearer handler never accepts it as an access token, and carrying
/// nothing but the user id. It proves the password was right; the code step then decides.
/// </summary>
public sealed class TwoFactorChallenges(IOptions<JwtOptions> jwt, IOptions<AdminSignInOptions> signIn, TimeProvider clock)
{
    private const string PurposeClaim = "gx_purpose";
    private const string Purpose = "second_factor";
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public (string Token, DateTimeOffset ExpiresAt) Issue(Guid userId)
    {
        var now = clock.GetUtcNow();
        var expiresAt = now.AddMinutes(signIn.Value.ChallengeMinutes);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Value.Issuer,
            Audience = AudienceOf(jwt.Value),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            Subject = new ClaimsIdentity([
                new Claim(GxClaimTypes.Subject, userId.ToString("D")),
                new Claim(PurposeClaim, Purpose),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
            SigningCredentials = new SigningCredentials(GxJwtBearerSetup.SigningKey(jwt.Value), SecurityAlgorithms.HmacSha256),
        });
        return (token, expiresAt);
    }

    /// <summary>The user the challenge was issued to; null when it is forged, expired or no challenge at all.</summary>
    public async Task<Guid?> ValidateAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = jwt.Value.Issuer,
            ValidAudience = AudienceOf(jwt.Value),
            IssuerSigningKey = GxJwtBearerSetup.SigningKey(jwt.Value),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } end && end > clock.GetUtcNow().UtcDateTime.AddSeconds(-30) && (notBefore is null || notBefore <= clock.GetUtcNow().UtcDateTime.AddSeconds(30)),
        });
        return result.IsValid
               && result.Claims.TryGetValue(PurposeClaim, out var purpose) && Purpose.Equals(purpose)
               && result.Claims.TryGetValue(GxClaimTypes.Subject, out var subject) && Guid.TryParse(subject?.ToString(), out var userId)
            ? userId
            : null;
    }

    private static string AudienceOf(JwtOptions jwt) => jwt.Audience + ":second-factor";
}
