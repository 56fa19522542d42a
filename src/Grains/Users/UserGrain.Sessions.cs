namespace GxProtocol.Grains.Users;

/// <summary>Refresh-token sessions: at most ten live ones, rotated on use, revoked on logout.</summary>
public sealed partial class UserGrain
{
    private const int MaxRefreshSessions = 10;

    public async Task StoreRefreshTokenAsync(string tokenHash, DateTimeOffset expiresAt)
    {
        var now = clock.GetUtcNow();
        State.RefreshSessions.RemoveAll(s => s.ExpiresAt <= now);
        State.RefreshSessions.Add(new RefreshSession(tokenHash, expiresAt));
        if (State.RefreshSessions.Count > MaxRefreshSessions)
        {
            State.RefreshSessions.RemoveRange(0, State.RefreshSessions.Count - MaxRefreshSessions);
        }
        await state.WriteStateAsync();
    }

    public async Task<bool> RotateRefreshTokenAsync(string oldTokenHash, string newTokenHash, DateTimeOffset expiresAt)
    {
        var removed = State.RefreshSessions.RemoveAll(s => s.TokenHash == oldTokenHash && s.ExpiresAt > clock.GetUtcNow());
        if (removed == 0 || State.Profile is null)
        {
            return false;
        }
        await StoreRefreshTokenAsync(newTokenHash, expiresAt);
        return true;
    }

    public async Task RevokeRefreshTokenAsync(string tokenHash)
    {
        if (State.RefreshSessions.RemoveAll(s => s.TokenHash == tokenHash) > 0)
        {
            await state.WriteStateAsync();
        }
    }
}
