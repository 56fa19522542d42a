using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace GxProtocol.ApiFrontends.Infrastructure.Auth;

/// <summary>
/// Validation rules mirroring <see cref="AccessTokenIssuer"/>. Applied through options so the key is read after
/// configuration (and any generated development key) is final.
/// </summary>
internal sealed class GxJwtBearerSetup(IOptions<JwtOptions> jwtOptions, TimeProvider timeProvider)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }

        var jwt = jwtOptions.Value;
        // Keep "sub", "role" and "email" as sent instead of the long WS-* claim URIs.
        options.MapInboundClaims = false;
        options.TimeProvider = timeProvider;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = jwt.Issuer,
            ValidateAudience = true,
            ValidAudience = jwt.Audience,
            ValidateIssuerSigningKey = true,
            IssuerSigningKey = SigningKey(jwt),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = GxClaimTypes.Subject,
            RoleClaimType = GxClaimTypes.Role,
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    internal static SymmetricSecurityKey SigningKey(JwtOptions jwt) => new(jwt.SigningKeyBytes()) { KeyId = "gx-hs256" };
}
