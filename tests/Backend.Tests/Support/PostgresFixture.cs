using GxProtocol.Silo.Postgres;
using Microsoft.Extensions.Logging.Abstractions;

namespace GxProtocol.Backend.Tests.Support;

/// <summary>
/// A fresh, fully migrated PostgreSQL database for one test class (use as IClassFixture), dropped
/// afterwards. The server comes from <see cref="PostgresTestServer"/>.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private string? _connectionString;

    /// <summary>Connection string to this fixture's database, migrated to the current schema.</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("PostgresFixture is not initialized yet.");

    public async Task InitializeAsync()
    {
        _connectionString = await PostgresTestServer.CreateDatabaseAsync();
        await PostgresMigrator.MigrateAsync(_connectionString, NullLogger.Instance);
    }

    public async Task DisposeAsync()
    {
        if (_connectionString is not null)
        {
            await PostgresTestServer.DropDatabaseAsync(_connectionString);
        }
    }
}
