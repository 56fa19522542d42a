using System.Security.Claims;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GxProtocol.Silo.Hosting.Dashboard;

public sealed record IssuedDashboardSession(string Token, DateTimeOffset ExpiresAt, TimeSpan Lifetime);

/// <summary>
/// Checks the API access token an admin presents and signs the dashboard session for them, with the API's key (so every
/// silo of the deployment accepts it, as it accepts the API's tokens) and the dashboard audience.
/// </summary>
public sealed class DashboardSessionIssuer(IOptionsMonitor<JwtBearerOptions> bearer, TimeProvider clock, DashboardSessionIssuer.Settings settings)
{
    /// <summary>How long a session lasts (<c>Gx:Host:DashboardSessionSeconds</c>).</summary>
    public sealed record Settings(int SessionSeconds);


    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false, MapInboundClaims = false };

    public static string AudienceOf(TokenValidationParameters api) => api.ValidAudience + DashboardSession.AudienceSuffix;

    /// <summary>The principal of a valid API access token, or null.</summary>
    public async Task<ClaimsPrincipal?> ValidateAccessTokenAsync(string accessToken)
    {
        var result = await _handler.ValidateTokenAsync(accessToken, Api.TokenValidationParameters);
        return result.IsValid ? new ClaimsPrincipal(result.ClaimsIdentity) : null;
    }

    public IssuedDashboardSession Issue(ClaimsPrincipal admin)
    {
        var api = Api.TokenValidationParameters;
        var now = clock.GetUtcNow();
        var expiresAt = now.AddSeconds(settings.SessionSeconds);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = api.ValidIssuer,
            Audience = AudienceOf(api),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(GxClaimTypes.Subject, admin.GetUserId().ToString("D")),
                new Claim(GxClaimTypes.Role, admin.IsSuperAdmin() ? GxRoles.SuperAdmin : GxRoles.Admin),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
            SigningCredentials = new SigningCredentials(api.IssuerSigningKey, SecurityAlgorithms.HmacSha256),
        };
        return new IssuedDashboardSession(_handler.CreateToken(descriptor), expiresAt, TimeSpan.FromSeconds(settings.SessionSeconds));
    }

    private JwtBearerOptions Api => bearer.Get(JwtBearerDefaults.AuthenticationScheme);
}
