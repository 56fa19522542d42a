using GxProtocol.Silo.Postgres;
using Microsoft.Extensions.Logging.Abstractions;

namespace GxProtocol.Backend.Tests.Support;

/// <summary>
/// A fresh, fully migrated PostgreSQL database for one test class (use as IClassFixture), dropped
/// afterwards. The server comes from <see cref="PostgresTestServer"/>.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private string? connectionString;

    /// <summary>Connection string to this fixture's database, migrated to the current schema.</summary>
    public string ConnectionString => connectionString ?? throw new InvalidOperationException("PostgresFixture is not initialized yet.");

    public async Task InitializeAsync()
    {
        connectionString = await PostgresTestServer.CreateDatabaseAsync();
        await PostgresMigrator.MigrateAsync(connectionString, NullLogger.Instance);
    }

    public async Task DisposeAsync()
    {
        if (connectionString is not null)
        {
            await PostgresTestServer.DropDatabaseAsync(connectionString);
        }
    }
}
