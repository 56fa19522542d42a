using System.Globalization;
using GxProtocol.Grains.Interfaces.Audit;
using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.ReadModels;
using Npgsql;
using NpgsqlTypes;

namespace GxProtocol.Silo.ReadModels;

/// <summary>The user directory and the audit log as PostgreSQL rows (tables of 0102_people.sql).</summary>
public sealed partial class PostgresReadModelStore : IUserDirectoryStore, IAuditLogStore
{
    private const string UserColumns = "user_id, email, first_name, last_name, nationality, status, role, kyc_status, registered_at, updated_at, sequence";
    private const string AuditColumns = "at, actor_id, actor_role, action, target, request_id, status_code, outcome, sequence";

    public async Task UpsertUserAsync(UserDirectoryEntry entry, CancellationToken cancellationToken = default)
    {
        // One statement: the CTE reads the row as it was, so the history gains a step exactly when the status moved.
        await using var upsert = _dataSource.CreateCommand(
            """
            WITH previous AS (SELECT status FROM gx_users WHERE user_id = $1 FOR UPDATE),
            upserted AS (
                INSERT INTO gx_users (user_id, email, first_name, last_name, nationality, status, role, kyc_status, registered_at, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
                    nationality = EXCLUDED.nationality, status = EXCLUDED.status, role = EXCLUDED.role, kyc_status = EXCLUDED.kyc_status,
                    updated_at = EXCLUDED.updated_at
                RETURNING user_id)
            INSERT INTO gx_user_status_history (user_id, status, at)
            SELECT user_id, $6, $10 FROM upserted WHERE NOT EXISTS (SELECT 1 FROM previous WHERE status = $6)
            """);
        upsert.Parameters.Add(new() { Value = entry.UserId });
        upsert.Parameters.Add(new() { Value = entry.Email });
        upsert.Parameters.Add(new() { Value = entry.FirstName });
        upsert.Parameters.Add(new() { Value = entry.LastName });
        upsert.Parameters.Add(new() { Value = entry.NationalityCountryCode });
        upsert.Parameters.Add(new() { Value = entry.Status });
        upsert.Parameters.Add(new() { Value = entry.Role });
        upsert.Parameters.Add(new() { Value = entry.KycStatus });
        upsert.Parameters.Add(new() { Value = entry.RegisteredAt });
        upsert.Parameters.Add(new() { Value = entry.UpdatedAt });
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<UserDirectoryEntry?> GetUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var query = _dataSource.CreateCommand($"SELECT {UserColumns} FROM gx_users WHERE user_id = $1");
        query.Parameters.Add(new() { Value = userId });
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadUser(reader) : null;
    }

    public async Task<Page<UserDirectoryEntry>> ListUsersAsync(UserListQuery query, CancellationToken cancellationToken = default)
    {
        await using var select = _dataSource.CreateCommand(
            $"""
            SELECT {UserColumns} FROM gx_users
            WHERE sequence < $1 AND ($2::text IS NULL OR status = $2)
              AND ($3::text IS NULL OR email ILIKE $3 OR (first_name || ' ' || last_name) ILIKE $3)
            ORDER BY sequence DESC LIMIT $4
            """);
        select.Parameters.Add(new() { Value = Before(query.Cursor) });
        select.Parameters.Add(new() { Value = (object?)query.Status ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        select.Parameters.Add(new() { Value = query.Search is null ? DBNull.Value : $"%{EscapeLike(query.Search)}%", NpgsqlDbType = NpgsqlDbType.Text });
        select.Parameters.Add(new() { Value = query.Limit + 1 });
        var rows = new List<UserDirectoryEntry>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(ReadUser(reader));
        }
        return PageOf(rows, query.Limit, u => u.Sequence);
    }

    public async Task<IReadOnlyList<UserStatusChange>> GetStatusHistoryAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var query = _dataSource.CreateCommand("SELECT status, at FROM gx_user_status_history WHERE user_id = $1 ORDER BY id");
        query.Parameters.Add(new() { Value = userId });
        var history = new List<UserStatusChange>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            history.Add(new UserStatusChange(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
        }
        return history;
    }

    public async Task<IReadOnlyDictionary<string, long>> CountUsersByStatusAsync(CancellationToken cancellationToken = default)
    {
        await using var query = _dataSource.CreateCommand("SELECT status, count(*) FROM gx_users GROUP BY status");
        var counts = new Dictionary<string, long>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        return counts;
    }

    public async Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await using var insert = _dataSource.CreateCommand(
            """
            INSERT INTO gx_audit_log (at, actor_id, actor_role, action, target, request_id, status_code, outcome)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """);
        insert.Parameters.Add(new() { Value = entry.At });
        insert.Parameters.Add(new() { Value = (object?)entry.ActorId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        insert.Parameters.Add(new() { Value = (object?)entry.ActorRole ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        insert.Parameters.Add(new() { Value = entry.Action });
        insert.Parameters.Add(new() { Value = (object?)entry.Target ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        insert.Parameters.Add(new() { Value = entry.RequestId });
        insert.Parameters.Add(new() { Value = entry.StatusCode });
        insert.Parameters.Add(new() { Value = entry.Outcome });
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Page<AuditEntry>> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var select = _dataSource.CreateCommand(
            $"""
            SELECT {AuditColumns} FROM gx_audit_log
            WHERE sequence < $1 AND ($2::uuid IS NULL OR actor_id = $2) AND ($3::text IS NULL OR action = $3)
              AND ($4::text IS NULL OR target = $4) AND ($5::text IS NULL OR request_id = $5)
            ORDER BY sequence DESC LIMIT $6
            """);
        select.Parameters.Add(new() { Value = Before(query.Cursor) });
        select.Parameters.Add(new() { Value = (object?)query.ActorId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        select.Parameters.Add(new() { Value = (object?)query.Action ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        select.Parameters.Add(new() { Value = (object?)query.Target ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        select.Parameters.Add(new() { Value = (object?)query.RequestId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        select.Parameters.Add(new() { Value = query.Limit + 1 });
        var rows = new List<AuditEntry>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AuditEntry(reader.GetFieldValue<DateTimeOffset>(0), reader.IsDBNull(1) ? null : reader.GetGuid(1),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5), reader.GetInt32(6), reader.GetString(7), reader.GetInt64(8)));
        }
        return PageOf(rows, query.Limit, a => a.Sequence);
    }

    private static UserDirectoryEntry ReadUser(NpgsqlDataReader reader) => new(reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
        reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7),
        reader.GetFieldValue<DateTimeOffset>(8), reader.GetFieldValue<DateTimeOffset>(9), reader.GetInt64(10));

    private static long Before(string? cursor) => cursor is null ? long.MaxValue : long.Parse(cursor, CultureInfo.InvariantCulture);

    private static Page<T> PageOf<T>(List<T> rows, int limit, Func<T, long> sequence) =>
        new(rows.Take(limit).ToList(), rows.Count > limit ? sequence(rows[limit - 1]).ToString(CultureInfo.InvariantCulture) : null);

    private static string EscapeLike(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
