using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Grains.Users;

/// <summary>Sessions as a list an admin can read and end one by one; a session is a refresh-token family.</summary>
public sealed partial class UserGrain
{
    public Task<IReadOnlyList<SessionView>> ListSessionsAsync()
    {
        var now = clock.GetUtcNow();
        // Sessions are appended as they are started or rotated, so the list read backwards is most recently used first.
        IReadOnlyList<SessionView> live = State.RefreshSessions
            .Where(s => !s.Rotated && s.FamilyId != Guid.Empty && s.ExpiresAt > now && (s.FamilyExpiresAt is null || s.FamilyExpiresAt > now))
            .Reverse()
            .Select(s => new SessionView(s.FamilyId, s.ExpiresAt, s.FamilyExpiresAt))
            .ToList();
        return Task.FromResult(live);
    }

    public async Task<bool> RevokeSessionAsync(Guid sessionId)
    {
        var now = clock.GetUtcNow();
        var live = sessionId != Guid.Empty && State.RefreshSessions.Any(s => s.FamilyId == sessionId && !s.Rotated && s.ExpiresAt > now);
        // The family's rotated tokens go too: presenting one later is then simply unknown.
        if (State.RefreshSessions.RemoveAll(s => s.FamilyId == sessionId && sessionId != Guid.Empty) > 0)
        {
            await state.WriteStateAsync();
        }
        return live;
    }
}
