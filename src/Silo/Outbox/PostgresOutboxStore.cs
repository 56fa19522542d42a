using GxProtocol.Grains.Outbox;
using Npgsql;
using Orleans.Serialization;

namespace GxProtocol.Silo.Outbox;

/// <summary>
/// The outbox rows in table gx_outbox (migration 0200). Writes go through <see cref="PostgresStatementBatcher"/>, so the
/// inserts and updates of many commands share round trips; the row itself is the Orleans-serialized
/// <see cref="OutboxRow"/>, with the columns the queries select on beside it.
/// </summary>
public sealed class PostgresOutboxStore : IOutboxStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresStatementBatcher _batcher;
    private readonly Serializer _serializer;

    public PostgresOutboxStore(string connectionString, Serializer serializer)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _batcher = new PostgresStatementBatcher(_dataSource);
        _serializer = serializer;
    }

    public async Task<OutboxRow?> AddAsync(OutboxRow row)
    {
        var inserted = await _batcher.ExecuteAsync(
            "INSERT INTO gx_outbox (command_id, shard, origin, finished, accepted_at, completed_at, row_data) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (command_id) DO NOTHING",
            row.CommandId, (int)row.Shard, row.Command.Origin.ToString(), row.IsFinished, row.Command.AcceptedAt.ToUniversalTime(), row.CompletedAt?.ToUniversalTime(), _serializer.SerializeToArray(row));
        return inserted == 1 ? null : await GetAsync(row.CommandId) ?? throw new InvalidOperationException($"Outbox row {row.CommandId} was neither inserted nor found.");
    }

    public async Task UpdateAsync(OutboxRow row)
    {
        var updated = await _batcher.ExecuteAsync(
            "UPDATE gx_outbox SET finished = $2, completed_at = $3, row_data = $4 WHERE command_id = $1",
            row.CommandId, row.IsFinished, row.CompletedAt?.ToUniversalTime(), _serializer.SerializeToArray(row));
        if (updated != 1)
        {
            throw new InvalidOperationException($"Outbox row {row.CommandId} does not exist.");
        }
    }

    public async Task<OutboxRow?> GetAsync(Guid commandId)
    {
        await using var command = _dataSource.CreateCommand("SELECT row_data FROM gx_outbox WHERE command_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = commandId });
        return await command.ExecuteScalarAsync() is byte[] data ? Read(data) : null;
    }

    public Task<IReadOnlyList<OutboxRow>> LoadUnfinishedAsync(long shard) =>
        ReadRowsAsync("SELECT row_data FROM gx_outbox WHERE shard = $1 AND NOT finished ORDER BY accepted_at", (int)shard);

    public Task<IReadOnlyList<OutboxRow>> LoadUnfinishedAsync(GrainId origin) =>
        ReadRowsAsync("SELECT row_data FROM gx_outbox WHERE origin = $1 AND NOT finished ORDER BY accepted_at", origin.ToString());

    public async Task<int> PurgeFinishedAsync(DateTimeOffset finishedBefore)
    {
        await using var command = _dataSource.CreateCommand("DELETE FROM gx_outbox WHERE finished AND completed_at < $1");
        command.Parameters.Add(new NpgsqlParameter { Value = finishedBefore.ToUniversalTime() });
        return await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _batcher.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    private async Task<IReadOnlyList<OutboxRow>> ReadRowsAsync(string sql, object key)
    {
        await using var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(Read((byte[])reader[0]));
        }
        return rows;
    }

    private OutboxRow Read(byte[] data) =>
        _serializer.Deserialize<OutboxRow>(data) ?? throw new InvalidOperationException("An outbox row deserialized to null.");
}
