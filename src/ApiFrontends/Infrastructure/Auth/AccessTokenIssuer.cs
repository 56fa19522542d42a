using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GxProtocol.ApiFrontends.Infrastructure.Auth;

public sealed record IssuedAccessToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>Signs the HS256 access tokens that <see cref="GxJwtBearerSetup"/> validates.</summary>
public sealed class AccessTokenIssuer(IOptions<JwtOptions> options, TimeProvider timeProvider)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public IssuedAccessToken Issue(Guid userId, string email, string role)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(userId, Guid.Empty);
        ArgumentException.ThrowIfNullOrWhiteSpace(role);

        var jwt = options.Value;
        var now = timeProvider.GetUtcNow();
        var expiresAt = now.AddMinutes(role is GxRoles.Admin or GxRoles.SuperAdmin ? jwt.AdminAccessTokenMinutes : jwt.AccessTokenMinutes);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(GxClaimTypes.Subject, userId.ToString("D")),
                new Claim(GxClaimTypes.Email, email),
                new Claim(GxClaimTypes.Role, role),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
            SigningCredentials = new SigningCredentials(GxJwtBearerSetup.SigningKey(jwt), SecurityAlgorithms.HmacSha256),
        };
        return new IssuedAccessToken(_handler.CreateToken(descriptor), expiresAt);
    }
}
