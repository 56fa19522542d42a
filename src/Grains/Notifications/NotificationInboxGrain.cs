using GxProtocol.Grains.Interfaces.Notifications;
using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.ReadModels;
using Orleans.Concurrency;

namespace GxProtocol.Grains.Notifications;

[StatelessWorker]
public sealed class NotificationInboxGrain(INotificationStore store, TimeProvider clock) : Grain, INotificationInboxGrain
{
    public Task<Page<NotificationView>> ListAsync(Guid userId, string? status, string? cursor, int limit) =>
        store.ListNotificationsAsync(userId, status, cursor, limit);

    public Task<long> CountUnreadAsync(Guid userId) => store.CountUnreadAsync(userId);

    public Task<NotificationView?> MarkReadAsync(Guid userId, long notificationId) => store.MarkReadAsync(userId, notificationId, clock.GetUtcNow());

    public Task<int> MarkAllReadAsync(Guid userId) => store.MarkAllReadAsync(userId, clock.GetUtcNow());

    public Task<IReadOnlyList<NotificationView>> ListAfterAsync(Guid userId, long afterId, int limit) =>
        store.ListNotificationsAfterAsync(userId, afterId, limit);
}
