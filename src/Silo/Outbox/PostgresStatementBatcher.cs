using System.Threading.Channels;
using Npgsql;

namespace GxProtocol.Silo.Outbox;

/// <summary>
/// Group commit: statements issued concurrently (by any grain on this silo) travel to PostgreSQL together, one
/// NpgsqlBatch per round trip and one transaction, so a busy silo pays one commit for many small writes. A few
/// batches are in flight at once; a caller's writes to one row must therefore await each other, as the outbox does.
/// </summary>
internal sealed class PostgresStatementBatcher : IAsyncDisposable
{
    private const int MaxStatementsPerBatch = 256;
    private const int BatchesInFlight = 4;

    private readonly NpgsqlDataSource _dataSource;
    private readonly Channel<Statement> _statements = Channel.CreateUnbounded<Statement>();
    private readonly Task[] _writers;

    public PostgresStatementBatcher(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _writers = Enumerable.Range(0, BatchesInFlight).Select(_ => Task.Run(WriteBatchesAsync)).ToArray();
    }

    /// <summary>Runs <paramref name="sql"/> (positional parameters $1, $2, …) in the next batch; returns the rows it affected.</summary>
    public Task<int> ExecuteAsync(string sql, params object?[] parameters)
    {
        var statement = new Statement(sql, parameters, new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_statements.Writer.TryWrite(statement))
        {
            throw new ObjectDisposedException(nameof(PostgresStatementBatcher));
        }
        return statement.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _statements.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }

    private async Task WriteBatchesAsync()
    {
        var batch = new List<Statement>(MaxStatementsPerBatch);
        while (await _statements.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxStatementsPerBatch && _statements.Reader.TryRead(out var statement))
            {
                batch.Add(statement);
            }
            if (batch.Count == 0)
            {
                continue;
            }
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync();
                await using var npgsqlBatch = new NpgsqlBatch(connection);
                foreach (var statement in batch)
                {
                    var command = new NpgsqlBatchCommand(statement.Sql);
                    foreach (var value in statement.Parameters)
                    {
                        command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
                    }
                    npgsqlBatch.BatchCommands.Add(command);
                }
                await npgsqlBatch.ExecuteNonQueryAsync();
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Completion.TrySetResult(npgsqlBatch.BatchCommands[i].RecordsAffected);
                }
            }
            catch (Exception failure)
            {
                // The batch is one transaction: none of it was stored, and every caller learns so.
                foreach (var statement in batch)
                {
                    statement.Completion.TrySetException(failure);
                }
            }
            batch.Clear();
        }
    }

    private sealed record Statement(string Sql, object?[] Parameters, TaskCompletionSource<int> Completion);
}
