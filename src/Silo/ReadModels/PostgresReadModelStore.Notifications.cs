using System.Text.Json;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.Notifications;
using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.ReadModels;
using Npgsql;
using NpgsqlTypes;

namespace GxProtocol.Silo.ReadModels;

/// <summary>Inboxes in PostgreSQL (0103_notifications.sql).</summary>
public sealed partial class PostgresReadModelStore : INotificationStore
{
    private const string NotificationColumns = "id, user_id, kind, message, data::text, created_at, read_at";

    public async Task<LedgerPosition> GetNotificationCheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT block_number, event_index FROM gx_notification_checkpoint WHERE id = 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new LedgerPosition((ulong)reader.GetInt64(0), reader.GetInt32(1)) : LedgerPosition.None;
    }

    public async Task<bool> ApplyNotificationsAsync(LedgerPosition position, IReadOnlyList<NotificationDraft> notifications, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The conditional update both locks the checkpoint row and refuses positions at or below it.
        await using (var advance = new NpgsqlCommand(
            """
            UPDATE gx_notification_checkpoint SET block_number = $1, event_index = $2
            WHERE id = 1 AND (block_number, event_index) < ($1, $2)
            """, connection))
        {
            advance.Parameters.Add(new() { Value = (long)position.Block });
            advance.Parameters.Add(new() { Value = position.Index });
            if (await advance.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }
        }
        await InsertNotificationsAsync(connection, notifications, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task AppendNotificationsAsync(IReadOnlyList<NotificationDraft> notifications, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await InsertNotificationsAsync(connection, notifications, cancellationToken);
    }

    public async Task<Page<NotificationView>> ListNotificationsAsync(Guid userId, string? status, string? cursor, int limit, CancellationToken cancellationToken = default)
    {
        var readFilter = status switch
        {
            NotificationStatuses.Unread => "AND read_at IS NULL",
            NotificationStatuses.Read => "AND read_at IS NOT NULL",
            _ => "",
        };
        await using var select = _dataSource.CreateCommand(
            $"SELECT {NotificationColumns} FROM gx_notifications WHERE user_id = $1 AND id < $2 {readFilter} ORDER BY id DESC LIMIT $3");
        select.Parameters.Add(new() { Value = userId });
        select.Parameters.Add(new() { Value = Before(cursor) });
        select.Parameters.Add(new() { Value = limit + 1 });
        return PageOf(await ReadNotificationsAsync(select, cancellationToken), limit, n => n.Id);
    }

    public async Task<long> CountUnreadAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var count = _dataSource.CreateCommand("SELECT count(*) FROM gx_notifications WHERE user_id = $1 AND read_at IS NULL");
        count.Parameters.Add(new() { Value = userId });
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<NotificationView?> MarkReadAsync(Guid userId, long notificationId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var update = _dataSource.CreateCommand(
            $"UPDATE gx_notifications SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND user_id = $2 RETURNING {NotificationColumns}");
        update.Parameters.Add(new() { Value = notificationId });
        update.Parameters.Add(new() { Value = userId });
        update.Parameters.Add(new() { Value = at });
        return (await ReadNotificationsAsync(update, cancellationToken)).SingleOrDefault();
    }

    public async Task<int> MarkAllReadAsync(Guid userId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var update = _dataSource.CreateCommand("UPDATE gx_notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL");
        update.Parameters.Add(new() { Value = userId });
        update.Parameters.Add(new() { Value = at });
        return await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<NotificationView>> ListNotificationsAfterAsync(Guid userId, long afterId, int limit, CancellationToken cancellationToken = default)
    {
        await using var select = _dataSource.CreateCommand(
            $"SELECT {NotificationColumns} FROM gx_notifications WHERE user_id = $1 AND id > $2 ORDER BY id LIMIT $3");
        select.Parameters.Add(new() { Value = userId });
        select.Parameters.Add(new() { Value = afterId });
        select.Parameters.Add(new() { Value = limit });
        return await ReadNotificationsAsync(select, cancellationToken);
    }

    private static async Task InsertNotificationsAsync(NpgsqlConnection connection, IReadOnlyList<NotificationDraft> notifications, CancellationToken cancellationToken)
    {
        foreach (var draft in notifications)
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO gx_notifications (user_id, kind, message, data, created_at) VALUES ($1, $2, $3, $4::jsonb, $5)", connection);
            insert.Parameters.Add(new() { Value = draft.UserId });
            insert.Parameters.Add(new() { Value = draft.Kind });
            insert.Parameters.Add(new() { Value = draft.Message });
            insert.Parameters.Add(new() { Value = JsonSerializer.Serialize(draft.Data), NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new() { Value = draft.CreatedAt });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<List<NotificationView>> ReadNotificationsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<NotificationView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new NotificationView(reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(4)) ?? [],
                reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6)));
        }
        return rows;
    }
}
