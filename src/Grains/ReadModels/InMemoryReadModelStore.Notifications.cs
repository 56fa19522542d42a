using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.Notifications;
using GxProtocol.Grains.Interfaces.ReadModels;

namespace GxProtocol.Grains.ReadModels;

/// <summary>Inboxes in memory.</summary>
public sealed partial class InMemoryReadModelStore : INotificationStore
{
    private readonly List<NotificationView> _notifications = [];
    private LedgerPosition _notificationCheckpoint = LedgerPosition.None;

    public Task<LedgerPosition> GetNotificationCheckpointAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_notificationCheckpoint);
        }
    }

    public Task<bool> ApplyNotificationsAsync(LedgerPosition position, IReadOnlyList<NotificationDraft> notifications, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (position <= _notificationCheckpoint)
            {
                return Task.FromResult(false);
            }
            AddNotifications(notifications);
            _notificationCheckpoint = position;
            return Task.FromResult(true);
        }
    }

    public Task AppendNotificationsAsync(IReadOnlyList<NotificationDraft> notifications, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            AddNotifications(notifications);
            return Task.CompletedTask;
        }
    }

    public Task<Page<NotificationView>> ListNotificationsAsync(Guid userId, string? status, string? cursor, int limit, CancellationToken cancellationToken = default)
    {
        var before = Before(cursor);
        lock (_gate)
        {
            var rows = Enumerable.Reverse(_notifications)
                .Where(n => n.UserId == userId && n.Id < before && status switch
                {
                    NotificationStatuses.Unread => n.ReadAt is null,
                    NotificationStatuses.Read => n.ReadAt is not null,
                    _ => true,
                })
                .Take(limit + 1)
                .ToList();
            return Task.FromResult(PageOf(rows, limit, n => n.Id, n => n));
        }
    }

    public Task<long> CountUnreadAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult((long)_notifications.Count(n => n.UserId == userId && n.ReadAt is null));
        }
    }

    public Task<NotificationView?> MarkReadAsync(Guid userId, long notificationId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var index = _notifications.FindIndex(n => n.Id == notificationId && n.UserId == userId);
            if (index < 0)
            {
                return Task.FromResult<NotificationView?>(null);
            }
            _notifications[index] = _notifications[index] with { ReadAt = _notifications[index].ReadAt ?? at };
            return Task.FromResult<NotificationView?>(_notifications[index]);
        }
    }

    public Task<int> MarkAllReadAsync(Guid userId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var marked = 0;
            for (var i = 0; i < _notifications.Count; i++)
            {
                if (_notifications[i].UserId == userId && _notifications[i].ReadAt is null)
                {
                    _notifications[i] = _notifications[i] with { ReadAt = at };
                    marked++;
                }
            }
            return Task.FromResult(marked);
        }
    }

    public Task<IReadOnlyList<NotificationView>> ListNotificationsAfterAsync(Guid userId, long afterId, int limit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<NotificationView> rows = _notifications.Where(n => n.UserId == userId && n.Id > afterId).Take(limit).ToList();
            return Task.FromResult(rows);
        }
    }

    private void AddNotifications(IReadOnlyList<NotificationDraft> notifications)
    {
        foreach (var draft in notifications)
        {
            _notifications.Add(new NotificationView(++_peopleSequence, draft.UserId, draft.Kind, draft.Message, draft.Data, draft.CreatedAt, null));
        }
    }
}
