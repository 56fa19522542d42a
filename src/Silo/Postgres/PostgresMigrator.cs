using Microsoft.Extensions.Logging;
using Npgsql;

namespace GxProtocol.Silo.Postgres;

/// <summary>
/// Brings a PostgreSQL database up to the schema this build expects. Safe to run from every silo
/// at start-up and from the `migrate` command at the same time: a session advisory lock lets one
/// process migrate while the others wait, then find nothing left to do.
/// </summary>
public sealed class PostgresMigrator(string connectionString, ILogger logger, IReadOnlyList<PostgresMigration> migrations)
{
    /// <summary>
    /// Advisory lock id reserved for schema migrations ("gxschema" in ASCII), so it cannot collide
    /// with lock ids another part of GX derives from small integers.
    /// </summary>
    public const long AdvisoryLockId = 0x6778_7363_6865_6D61;

    public PostgresMigrator(string connectionString, ILogger logger)
        : this(connectionString, logger, PostgresMigrationCatalog.Embedded)
    {
    }

    /// <summary>Applies every pending embedded migration; returns the versions applied by this call.</summary>
    public static Task<IReadOnlyList<string>> MigrateAsync(string connectionString, ILogger logger, CancellationToken cancellationToken = default) =>
        new PostgresMigrator(connectionString, logger).MigrateAsync(cancellationToken);

    /// <summary>Applies every pending migration in order, each in its own transaction; returns the versions applied by this call.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        // Waiting for another silo's migration may take as long as that migration, so no command timeout here.
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockId})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations
                (
                    version    text        PRIMARY KEY,
                    checksum   text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);

            var applied = await ReadAppliedAsync(connection, cancellationToken);
            RejectEditedMigrations(applied);

            var newlyApplied = new List<string>();
            foreach (var migration in migrations.Where(m => !applied.ContainsKey(m.Version)))
            {
                await ApplyAsync(connection, migration, cancellationToken);
                newlyApplied.Add(migration.Version);
            }

            if (newlyApplied.Count == 0)
            {
                logger.LogInformation("PostgreSQL schema is up to date ({MigrationCount} migrations applied earlier)", applied.Count);
            }

            return newlyApplied;
        }
        finally
        {
            // Unlock even when cancelled, because the pooled connection outlives this call. A broken
            // connection needs no unlock (the server drops session locks with the session), and its
            // error must not hide the one that brought us here.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockId})", CancellationToken.None);
            }
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, PostgresMigration migration, CancellationToken cancellationToken)
    {
        logger.LogInformation("Applying PostgreSQL migration {MigrationVersion}", migration.Version);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, migration.Script, cancellationToken, transaction);

            await using var record = new NpgsqlCommand(
                "INSERT INTO schema_migrations (version, checksum) VALUES (@version, @checksum)", connection, transaction);
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("checksum", migration.Checksum);
            await record.ExecuteNonQueryAsync(cancellationToken);

            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException error)
        {
            throw new InvalidOperationException(
                $"PostgreSQL migration {migration.Version} failed and was rolled back: {error.MessageText} (SQLSTATE {error.SqlState}, line {error.Line}, position {error.Position}).",
                error);
        }
    }

    private void RejectEditedMigrations(IReadOnlyDictionary<string, string> applied)
    {
        foreach (var migration in migrations)
        {
            if (applied.TryGetValue(migration.Version, out var checksum) && checksum != migration.Checksum)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL migration {migration.Version} was changed after it was applied to this database. " +
                    "Applied migrations are immutable; add a new migration instead.");
            }
        }

        foreach (var unknown in applied.Keys.Except(migrations.Select(m => m.Version)))
        {
            // A newer build migrated this database; an older silo can still run as long as the
            // newer migrations only added things, so this is a warning rather than an error.
            logger.LogWarning("PostgreSQL database has migration {MigrationVersion}, which this build does not know", unknown);
        }
    }

    private static async Task<IReadOnlyDictionary<string, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetString(0), reader.GetString(1));
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
