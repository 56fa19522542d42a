using System.Globalization;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.ReadModels;
using Npgsql;
using NpgsqlTypes;

namespace GxProtocol.Silo.ReadModels;

/// <summary>
/// Read models in PostgreSQL. Every apply locks the checkpoint row, so rows and checkpoint commit together and a
/// replayed event (at or below the checkpoint) writes nothing.
/// </summary>
public sealed partial class PostgresReadModelStore(string connectionString) : IReadModelStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public async Task<LedgerPosition> GetCheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT block_number, event_index FROM gx_projector_checkpoint WHERE id = 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new LedgerPosition((ulong)reader.GetInt64(0), reader.GetInt32(1)) : LedgerPosition.None;
    }

    public async Task<bool> ApplyAsync(LedgerPosition position, ReadModelChanges changes, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await AdvanceCheckpointAsync(connection, position, cancellationToken))
        {
            return false;
        }
        await WriteAsync(connection, changes, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<int> ApplyAllAsync(IReadOnlyList<ProjectedEvent> events, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var checkpoint = await ReadCheckpointForUpdateAsync(connection, cancellationToken);
        var fresh = events.Where(e => e.Position > checkpoint).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }
        foreach (var projected in fresh)
        {
            await WriteAsync(connection, projected.Changes, cancellationToken);
        }
        await using (var update = new NpgsqlCommand("UPDATE gx_projector_checkpoint SET block_number = $1, event_index = $2 WHERE id = 1", connection))
        {
            update.Parameters.Add(new() { Value = (long)fresh[^1].Position.Block });
            update.Parameters.Add(new() { Value = fresh[^1].Position.Index });
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return fresh.Count;
    }

    public async Task<bool> ReplaceAsync(LedgerPosition expectedCheckpoint, IReadOnlyList<ReadModelChanges> history, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Holding the checkpoint row keeps the projector waiting until the replacement is committed.
        if (await ReadCheckpointForUpdateAsync(connection, cancellationToken) != expectedCheckpoint)
        {
            return false;
        }
        await using (var clear = new NpgsqlCommand(
            "DELETE FROM gx_wallet_transactions; DELETE FROM gx_read_model_documents; DELETE FROM gx_read_model_counters", connection))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var changes in history)
        {
            await WriteAsync(connection, changes, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task RecordDeadLetterAsync(LedgerEventEnvelope ledgerEvent, string reason, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await AdvanceCheckpointAsync(connection, ledgerEvent.Position, cancellationToken))
        {
            return;
        }
        await using var insert = new NpgsqlCommand(
            "INSERT INTO gx_dead_letters (block_number, event_index, tx_id, event_name, payload, reason) VALUES ($1, $2, $3, $4, $5, $6)", connection);
        insert.Parameters.Add(new() { Value = (long)ledgerEvent.Position.Block });
        insert.Parameters.Add(new() { Value = ledgerEvent.Position.Index });
        insert.Parameters.Add(new() { Value = ledgerEvent.TransactionId });
        insert.Parameters.Add(new() { Value = ledgerEvent.EventName });
        insert.Parameters.Add(new() { Value = ledgerEvent.Payload });
        insert.Parameters.Add(new() { Value = reason });
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Page<WalletTransactionView>> GetWalletTransactionsAsync(Guid userId, string? cursor, int limit, CancellationToken cancellationToken = default)
    {
        var before = cursor is null ? long.MaxValue : long.Parse(cursor, CultureInfo.InvariantCulture);
        await using var query = _dataSource.CreateCommand(
            """
            SELECT sequence, tx_id, block_number, kind, counterparty, amount, fee, balance_after, remark, recorded_at
            FROM gx_wallet_transactions WHERE user_id = $1 AND sequence < $2 ORDER BY sequence DESC LIMIT $3
            """);
        query.Parameters.Add(new() { Value = userId });
        query.Parameters.Add(new() { Value = before });
        query.Parameters.Add(new() { Value = limit + 1 });
        var lines = new List<WalletTransactionView>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(new WalletTransactionView(reader.GetString(1), (ulong)reader.GetInt64(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7),
                reader.IsDBNull(8) ? null : reader.GetString(8), reader.GetFieldValue<DateTimeOffset>(9), reader.GetInt64(0)));
        }
        var next = lines.Count > limit ? lines[limit - 1].Sequence.ToString(CultureInfo.InvariantCulture) : null;
        return new Page<WalletTransactionView>(lines.Take(limit).ToList(), next);
    }

    public async Task<string?> GetDocumentAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        await using var query = _dataSource.CreateCommand("SELECT body::text FROM gx_read_model_documents WHERE collection = $1 AND id = $2");
        query.Parameters.Add(new() { Value = collection });
        query.Parameters.Add(new() { Value = id });
        return await query.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<Page<string>> ListDocumentsAsync(string collection, string partition, string? status, string? cursor, int limit, CancellationToken cancellationToken = default)
    {
        var before = cursor is null ? long.MaxValue : long.Parse(cursor, CultureInfo.InvariantCulture);
        await using var query = _dataSource.CreateCommand(
            """
            SELECT sequence, body::text FROM gx_read_model_documents
            WHERE collection = $1 AND partition_key = $2 AND ($3::text IS NULL OR status = $3) AND sequence < $4
            ORDER BY sequence DESC LIMIT $5
            """);
        query.Parameters.Add(new() { Value = collection });
        query.Parameters.Add(new() { Value = partition });
        query.Parameters.Add(new() { Value = (object?)status ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        query.Parameters.Add(new() { Value = before });
        query.Parameters.Add(new() { Value = limit + 1 });
        var rows = new List<(long Sequence, string Body)>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        var next = rows.Count > limit ? rows[limit - 1].Sequence.ToString(CultureInfo.InvariantCulture) : null;
        return new Page<string>(rows.Take(limit).Select(r => r.Body).ToList(), next);
    }

    public async Task<IReadOnlyDictionary<string, long>> GetCountersAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken = default)
    {
        var values = names.Distinct().ToDictionary(n => n, _ => 0L);
        await using var query = _dataSource.CreateCommand("SELECT name, value FROM gx_read_model_counters WHERE name = ANY($1)");
        query.Parameters.Add(new() { Value = values.Keys.ToArray() });
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values[reader.GetString(0)] = reader.GetInt64(1);
        }
        return values;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static async Task<bool> AdvanceCheckpointAsync(NpgsqlConnection connection, LedgerPosition position, CancellationToken cancellationToken)
    {
        if (position <= await ReadCheckpointForUpdateAsync(connection, cancellationToken))
        {
            return false;
        }
        await using var update = new NpgsqlCommand("UPDATE gx_projector_checkpoint SET block_number = $1, event_index = $2 WHERE id = 1", connection);
        update.Parameters.Add(new() { Value = (long)position.Block });
        update.Parameters.Add(new() { Value = position.Index });
        await update.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    private static async Task<LedgerPosition> ReadCheckpointForUpdateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlCommand("SELECT block_number, event_index FROM gx_projector_checkpoint WHERE id = 1 FOR UPDATE", connection);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new LedgerPosition((ulong)reader.GetInt64(0), reader.GetInt32(1));
    }

    private static async Task WriteAsync(NpgsqlConnection connection, ReadModelChanges changes, CancellationToken cancellationToken)
    {
        await InsertLinesAsync(connection, changes, cancellationToken);
        foreach (var patch in changes.Documents)
        {
            // jsonb || jsonb merges top-level properties, the right side winning: the same merge as the memory store.
            await using var upsert = new NpgsqlCommand(
                """
                INSERT INTO gx_read_model_documents (collection, id, partition_key, status, body) VALUES ($1, $2, $3, $4, $5::jsonb)
                ON CONFLICT (collection, id) DO UPDATE SET
                    body = gx_read_model_documents.body || EXCLUDED.body,
                    partition_key = COALESCE(EXCLUDED.partition_key, gx_read_model_documents.partition_key),
                    status = COALESCE(EXCLUDED.status, gx_read_model_documents.status)
                """, connection);
            upsert.Parameters.Add(new() { Value = patch.Collection });
            upsert.Parameters.Add(new() { Value = patch.Id });
            upsert.Parameters.Add(new() { Value = (object?)patch.Partition ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            upsert.Parameters.Add(new() { Value = (object?)patch.Status ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            upsert.Parameters.Add(new() { Value = patch.Json });
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var counter in changes.Counters)
        {
            await using var add = new NpgsqlCommand(
                "INSERT INTO gx_read_model_counters (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = gx_read_model_counters.value + EXCLUDED.value",
                connection);
            add.Parameters.Add(new() { Value = counter.Name });
            add.Parameters.Add(new() { Value = counter.Delta });
            await add.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task InsertLinesAsync(NpgsqlConnection connection, ReadModelChanges changes, CancellationToken cancellationToken)
    {
        foreach (var (userId, line) in changes.WalletLines)
        {
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO gx_wallet_transactions (user_id, tx_id, block_number, kind, counterparty, amount, fee, balance_after, remark, recorded_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                """, connection);
            insert.Parameters.Add(new() { Value = userId });
            insert.Parameters.Add(new() { Value = line.TransactionId });
            insert.Parameters.Add(new() { Value = (long)line.BlockNumber });
            insert.Parameters.Add(new() { Value = line.Kind });
            insert.Parameters.Add(new() { Value = (object?)line.Counterparty ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new() { Value = line.Amount });
            insert.Parameters.Add(new() { Value = line.Fee });
            insert.Parameters.Add(new() { Value = line.BalanceAfter });
            insert.Parameters.Add(new() { Value = (object?)line.Remark ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new() { Value = line.RecordedAt });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
