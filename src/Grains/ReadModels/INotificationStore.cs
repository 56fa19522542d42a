using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.Notifications;
using GxProtocol.Grains.Interfaces.ReadModels;

namespace GxProtocol.Grains.ReadModels;

/// <summary>
/// Users' inboxes as rows. Ledger-fed notifications are written with their own checkpoint (apart from the read
/// models' checkpoint, so a read-model rebuild neither replays nor drops them); off-chain ones are appended directly.
/// </summary>
public interface INotificationStore
{
    Task<LedgerPosition> GetNotificationCheckpointAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes the event's notifications and advances the checkpoint at once; an event at or below it writes nothing.</summary>
    Task<bool> ApplyNotificationsAsync(LedgerPosition position, IReadOnlyList<NotificationDraft> notifications, CancellationToken cancellationToken = default);

    Task AppendNotificationsAsync(IReadOnlyList<NotificationDraft> notifications, CancellationToken cancellationToken = default);

    Task<Page<NotificationView>> ListNotificationsAsync(Guid userId, string? status, string? cursor, int limit, CancellationToken cancellationToken = default);

    Task<long> CountUnreadAsync(Guid userId, CancellationToken cancellationToken = default);

    Task<NotificationView?> MarkReadAsync(Guid userId, long notificationId, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task<int> MarkAllReadAsync(Guid userId, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<NotificationView>> ListNotificationsAfterAsync(Guid userId, long afterId, int limit, CancellationToken cancellationToken = default);
}
