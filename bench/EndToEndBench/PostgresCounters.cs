using Npgsql;

namespace GxProtocol.EndToEndBench;

/// <summary>
/// Cumulative PostgreSQL counters for one database (pg_stat_database) and the server's WAL (pg_stat_wal): their
/// deltas over a window, divided by the commands committed in it, show the durable cost per command the write budget
/// talks about (transactions, read-only ones included, since xact_commit counts them; row writes; WAL bytes). Statistics reach the views within about a second.
/// </summary>
public sealed record PostgresCounters(long Commits, long RowWrites, long WalBytes)
{
    public static async Task<PostgresCounters> ReadAsync(string connectionString, string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT d.xact_commit, d.tup_inserted + d.tup_updated + d.tup_deleted, w.wal_bytes::bigint
            FROM pg_stat_database d CROSS JOIN pg_stat_wal w WHERE d.datname = $1
            """, connection);
        command.Parameters.AddWithValue(database);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException($"database {database} not in pg_stat_database");
        }
        return new PostgresCounters(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public PostgresCounters Minus(PostgresCounters earlier) =>
        new(Commits - earlier.Commits, RowWrites - earlier.RowWrites, WalBytes - earlier.WalBytes);
}
