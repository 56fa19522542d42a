using GxProtocol.Grains.Interfaces.ReadModels;

namespace GxProtocol.Grains.Interfaces.Notifications;

/// <summary>
/// Reads and marks users' inboxes in the notification read model. Stateless: any silo answers; every method names the
/// user whose inbox it touches, and a notification of another user is never found.
/// </summary>
[Alias("gx.INotificationInboxGrain")]
public interface INotificationInboxGrain : IGrainWithIntegerKey
{
    /// <summary>Newest first; <paramref name="status"/> UNREAD, READ or null for both.</summary>
    [Alias("List")] Task<Page<NotificationView>> ListAsync(Guid userId, string? status, string? cursor, int limit);

    [Alias("CountUnread")] Task<long> CountUnreadAsync(Guid userId);

    /// <summary>The notification, marked read (it keeps its first read time), or null when the user has none with that id.</summary>
    [Alias("MarkRead")] Task<NotificationView?> MarkReadAsync(Guid userId, long notificationId);

    /// <summary>How many were unread.</summary>
    [Alias("MarkAllRead")] Task<int> MarkAllReadAsync(Guid userId);

    /// <summary>The user's notifications with an id above <paramref name="afterId"/>, oldest first: what a stream has not sent yet.</summary>
    [Alias("ListAfter")] Task<IReadOnlyList<NotificationView>> ListAfterAsync(Guid userId, long afterId, int limit);
}
