using GxProtocol.Grains.Interfaces.Audit;
using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Grains.ReadModels;

/// <summary>The user directory and the audit log, in memory, under the same lock as the ledger read models.</summary>
public sealed partial class InMemoryReadModelStore : IUserDirectoryStore, IAuditLogStore
{
    private readonly Dictionary<Guid, UserDirectoryEntry> _users = [];
    private readonly Dictionary<Guid, List<UserStatusChange>> _statusHistory = [];
    private readonly List<AuditEntry> _audit = [];
    private long _peopleSequence;

    public Task UpsertUserAsync(UserDirectoryEntry entry, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var previous = _users.GetValueOrDefault(entry.UserId);
            _users[entry.UserId] = entry with { Sequence = previous?.Sequence ?? ++_peopleSequence };
            if (previous?.Status != entry.Status)
            {
                if (!_statusHistory.TryGetValue(entry.UserId, out var history))
                {
                    _statusHistory[entry.UserId] = history = [];
                }
                history.Add(new UserStatusChange(entry.Status, entry.UpdatedAt));
            }
            return Task.CompletedTask;
        }
    }

    public Task<UserDirectoryEntry?> GetUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_users.GetValueOrDefault(userId));
        }
    }

    public Task<Page<UserDirectoryEntry>> ListUsersAsync(UserListQuery query, CancellationToken cancellationToken = default)
    {
        var before = Before(query.Cursor);
        lock (_gate)
        {
            var rows = _users.Values
                .Where(u => u.Sequence < before && (query.Status is null || u.Status == query.Status) && Matches(u, query.Search))
                .OrderByDescending(u => u.Sequence)
                .Take(query.Limit + 1)
                .ToList();
            return Task.FromResult(PageOf(rows, query.Limit, u => u.Sequence, u => u));
        }
    }

    public Task<IReadOnlyList<UserStatusChange>> GetStatusHistoryAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<UserStatusChange> history = _statusHistory.GetValueOrDefault(userId, []).ToList();
            return Task.FromResult(history);
        }
    }

    public Task<IReadOnlyDictionary<string, long>> CountUsersByStatusAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyDictionary<string, long> counts = _users.Values.GroupBy(u => u.Status).ToDictionary(g => g.Key, g => (long)g.Count());
            return Task.FromResult(counts);
        }
    }

    public Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _audit.Add(entry with { Sequence = ++_peopleSequence });
            return Task.CompletedTask;
        }
    }

    public Task<Page<AuditEntry>> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var before = Before(query.Cursor);
        lock (_gate)
        {
            var rows = Enumerable.Reverse(_audit)
                .Where(a => a.Sequence < before
                            && (query.ActorId is null || a.ActorId == query.ActorId)
                            && (query.Action is null || a.Action == query.Action)
                            && (query.Target is null || a.Target == query.Target)
                            && (query.RequestId is null || a.RequestId == query.RequestId))
                .Take(query.Limit + 1)
                .ToList();
            return Task.FromResult(PageOf(rows, query.Limit, a => a.Sequence, a => a));
        }
    }

    private static bool Matches(UserDirectoryEntry user, string? search) =>
        search is null
        || user.Email.Contains(search, StringComparison.OrdinalIgnoreCase)
        || $"{user.FirstName} {user.LastName}".Contains(search, StringComparison.OrdinalIgnoreCase);
}
