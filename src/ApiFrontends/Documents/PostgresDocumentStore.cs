using System.Data;
using Npgsql;
using NpgsqlTypes;

namespace GxProtocol.ApiFrontends.Documents;

/// <summary>
/// Documents as rows of <c>gx_kyc_documents</c> (migration 0110): metadata columns plus the bytes in a bytea. The bytes
/// are sent from a seekable stream (Npgsql writes it to the wire as it reads it) and read back with sequential
/// access, so neither direction holds a whole document in memory.
/// </summary>
public sealed class PostgresDocumentStore(string connectionString) : IDocumentStore, IAsyncDisposable
{
    private const string Columns = "document_id, owner_id, kind, content_type, size_bytes, sha256, status, created_at";

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public async Task SaveAsync(StoredDocument document, Stream content, CancellationToken cancellationToken)
    {
        if (!content.CanSeek || content.Length - content.Position != document.SizeBytes)
        {
            throw new InvalidOperationException($"Document {document.DocumentId}: the content must be a seekable stream of exactly {document.SizeBytes} bytes.");
        }
        await using var command = _dataSource.CreateCommand($"""
            INSERT INTO gx_kyc_documents ({Columns}, content)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = document.DocumentId });
        command.Parameters.Add(new NpgsqlParameter { Value = document.OwnerId });
        command.Parameters.Add(new NpgsqlParameter { Value = document.Kind });
        command.Parameters.Add(new NpgsqlParameter { Value = document.ContentType });
        command.Parameters.Add(new NpgsqlParameter { Value = document.SizeBytes });
        command.Parameters.Add(new NpgsqlParameter { Value = document.Sha256 });
        command.Parameters.Add(new NpgsqlParameter { Value = document.Status });
        command.Parameters.Add(new NpgsqlParameter { Value = document.CreatedAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = content });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<StoredDocument?> FindAsync(Guid documentId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM gx_kyc_documents WHERE document_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = documentId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<StoredDocument>> ListAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT {Columns} FROM gx_kyc_documents WHERE owner_id = $1 ORDER BY created_at, document_id");
        command.Parameters.Add(new NpgsqlParameter { Value = ownerId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var documents = new List<StoredDocument>();
        while (await reader.ReadAsync(cancellationToken))
        {
            documents.Add(Read(reader));
        }
        return documents;
    }

    public async Task<Stream?> OpenContentAsync(Guid documentId, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        NpgsqlCommand? command = null;
        NpgsqlDataReader? reader = null;
        try
        {
            command = new NpgsqlCommand("SELECT content FROM gx_kyc_documents WHERE document_id = $1", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = documentId });
            reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                await DisposeAllAsync(reader, command, connection);
                return null;
            }
            return new RowStream(reader.GetStream(0), reader, command, connection);
        }
        catch
        {
            await DisposeAllAsync(reader, command, connection);
            throw;
        }
    }

    public async Task<bool> DeleteAsync(Guid documentId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("DELETE FROM gx_kyc_documents WHERE document_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = documentId });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static StoredDocument Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetString(5),
        reader.GetString(6), new DateTimeOffset(reader.GetDateTime(7), TimeSpan.Zero));

    private static async Task DisposeAllAsync(NpgsqlDataReader? reader, NpgsqlCommand? command, NpgsqlConnection connection)
    {
        if (reader is not null)
        {
            await reader.DisposeAsync();
        }
        if (command is not null)
        {
            await command.DisposeAsync();
        }
        await connection.DisposeAsync();
    }

    /// <summary>The column's stream, holding its row's reader and connection until the caller is done with it.</summary>
    private sealed class RowStream(Stream column, NpgsqlDataReader reader, NpgsqlCommand command, NpgsqlConnection connection) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => column.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            column.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            column.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask DisposeAsync()
        {
            await column.DisposeAsync();
            await DisposeAllAsync(reader, command, connection);
            await base.DisposeAsync();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                column.Dispose();
                reader.Dispose();
                command.Dispose();
                connection.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
