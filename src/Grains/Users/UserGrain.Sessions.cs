using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Grains.Users;

/// <summary>
/// Refresh-token sessions: at most ten live ones, rotated on use, revoked on logout. Each login starts a family with an
/// absolute end; a rotated token presented again means it was stolen (or replayed), so the whole family is revoked.
/// </summary>
public sealed partial class UserGrain
{
    private const int MaxRefreshSessions = 10;

    // Enough rotated hashes per user to recognise the reuse of any recent token without growing the state unbounded.
    private const int MaxRotatedTokens = 50;

    public async Task StoreRefreshTokenAsync(string tokenHash, DateTimeOffset expiresAt, DateTimeOffset sessionExpiresAt)
    {
        AddSession(new RefreshSession(tokenHash, Min(expiresAt, sessionExpiresAt), Guid.NewGuid(), sessionExpiresAt));
        await state.WriteStateAsync();
    }

    public async Task<bool> RotateRefreshTokenAsync(string oldTokenHash, string newTokenHash, DateTimeOffset expiresAt)
    {
        var now = clock.GetUtcNow();
        var presented = State.RefreshSessions.FirstOrDefault(s => s.TokenHash == oldTokenHash);
        if (presented is null)
        {
            return false;
        }
        if (presented.Rotated)
        {
            State.RefreshSessions.RemoveAll(s => s.FamilyId == presented.FamilyId);
            await state.WriteStateAsync();
            return false;
        }
        if (presented.ExpiresAt <= now || presented.FamilyExpiresAt <= now || State.Profile is null || State.Frozen ||
            State.Profile.Status is UserStatus.Denied or UserStatus.Frozen)
        {
            return false;
        }
        State.RefreshSessions.Remove(presented);
        State.RefreshSessions.Add(presented with { Rotated = true });
        AddSession(new RefreshSession(newTokenHash, presented.FamilyExpiresAt is { } end ? Min(expiresAt, end) : expiresAt, presented.FamilyId,
            presented.FamilyExpiresAt));
        await state.WriteStateAsync();
        return true;
    }

    public async Task RevokeRefreshTokenAsync(string tokenHash)
    {
        if (State.RefreshSessions.FirstOrDefault(s => s.TokenHash == tokenHash) is { } session)
        {
            // Logging out ends the session: its earlier, rotated tokens go with it.
            State.RefreshSessions.RemoveAll(s => s.FamilyId == session.FamilyId && (session.FamilyId != Guid.Empty || s.TokenHash == tokenHash));
            await state.WriteStateAsync();
        }
    }

    public async Task RevokeAllRefreshTokensAsync()
    {
        State.RefreshSessions.Clear();
        await state.WriteStateAsync();
    }

    private void AddSession(RefreshSession session)
    {
        var now = clock.GetUtcNow();
        State.RefreshSessions.RemoveAll(s => (s.ExpiresAt <= now && !s.Rotated) || s.FamilyExpiresAt <= now);
        State.RefreshSessions.Add(session);
        TrimOldest(s => !s.Rotated, MaxRefreshSessions);
        TrimOldest(s => s.Rotated, MaxRotatedTokens);
    }

    private void TrimOldest(Func<RefreshSession, bool> kind, int limit)
    {
        var excess = State.RefreshSessions.Count(kind) - limit;
        foreach (var oldest in State.RefreshSessions.Where(kind).Take(Math.Max(0, excess)).ToList())
        {
            State.RefreshSessions.Remove(oldest);
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
