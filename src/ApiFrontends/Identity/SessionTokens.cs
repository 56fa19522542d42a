using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.Grains.Interfaces.Users;
using Microsoft.Extensions.Options;

namespace GxProtocol.ApiFrontends.Identity;

/// <summary>
/// Issues an access token and a refresh token for a user. The refresh token names its user (<c>{userId:N}.{secret}</c>)
/// so a refresh reaches the one grain that holds the secret's hash; only hashes are ever stored.
/// </summary>
public sealed class SessionTokens(AccessTokenIssuer issuer, IOptions<JwtOptions> jwt, TimeProvider clock, IGrainFactory grains)
{
    public async Task<LoginResponse> IssueAsync(UserProfile profile)
    {
        var refreshToken = $"{profile.UserId:N}.{RefreshTokens.Create()}";
        await grains.GetGrain<IUserGrain>(profile.UserId).StoreRefreshTokenAsync(RefreshTokens.Hash(refreshToken), RefreshExpiry(profile.Role),
            clock.GetUtcNow().AddDays(jwt.Value.SessionMaxDays));
        return Respond(profile, refreshToken);
    }

    public async Task<LoginResponse?> RotateAsync(string presented)
    {
        if (UserOf(presented) is not { } userId)
        {
            return null;
        }
        var user = grains.GetGrain<IUserGrain>(userId);
        var replacement = $"{userId:N}.{RefreshTokens.Create()}";
        // The role decides how long the new token may lie unused, so the profile is read first.
        if (await user.GetProfileAsync() is not { } profile
            || !await user.RotateRefreshTokenAsync(RefreshTokens.Hash(presented), RefreshTokens.Hash(replacement), RefreshExpiry(profile.Role)))
        {
            return null;
        }
        return Respond(profile, replacement);
    }

    public async Task RevokeAsync(string presented)
    {
        if (UserOf(presented) is { } userId)
        {
            await grains.GetGrain<IUserGrain>(userId).RevokeRefreshTokenAsync(RefreshTokens.Hash(presented));
        }
    }

    /// <summary>Logout everywhere for <paramref name="userId"/>.</summary>
    public Task RevokeAllAsync(Guid userId) => grains.GetGrain<IUserGrain>(userId).RevokeAllRefreshTokensAsync();

    private LoginResponse Respond(UserProfile profile, string refreshToken)
    {
        var access = issuer.Issue(profile.UserId, profile.Email, GxRoles.From(profile.Role));
        return new LoginResponse(access.Token, access.ExpiresAt, refreshToken, UserResponse.From(profile));
    }

    /// <summary>Admins' refresh tokens lapse after a short idle time; users' after days.</summary>
    private DateTimeOffset RefreshExpiry(UserRole role) => role is UserRole.Admin or UserRole.SuperAdmin
        ? clock.GetUtcNow().AddMinutes(jwt.Value.AdminRefreshIdleMinutes)
        : clock.GetUtcNow().AddDays(jwt.Value.RefreshTokenDays);

    private static Guid? UserOf(string token) =>
        token.Split('.', 2) is [var id, _] && Guid.TryParseExact(id, "N", out var userId) ? userId : null;
}
