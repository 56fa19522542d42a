using GxProtocol.Backend.Tests.Support;
using GxProtocol.Silo.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GxProtocol.Backend.Tests.Postgres;

[Trait("Category", "Slow")]
[Trait("Category", "Postgres")]
public sealed class PostgresMigratorTests
{
    private static readonly string[] EmbeddedVersions = PostgresMigrationCatalog.Embedded.Select(m => m.Version).ToArray();

    [Fact]
    public void Embedded_migrations_are_ordered_by_file_name()
    {
        Assert.Contains("0001_orleans_query", EmbeddedVersions);
        Assert.Equal(EmbeddedVersions.Order(StringComparer.Ordinal), EmbeddedVersions);
    }

    [Fact]
    public async Task Running_twice_applies_every_migration_once()
    {
        var database = await PostgresTestServer.CreateDatabaseAsync();
        try
        {
            var first = await PostgresMigrator.MigrateAsync(database, NullLogger.Instance);
            var second = await PostgresMigrator.MigrateAsync(database, NullLogger.Instance);

            Assert.Equal(EmbeddedVersions, first);
            Assert.Empty(second);
            Assert.Equal(EmbeddedVersions, await ReadAppliedVersionsAsync(database));
        }
        finally
        {
            await PostgresTestServer.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Three_concurrent_migrators_apply_every_migration_exactly_once()
    {
        var database = await PostgresTestServer.CreateDatabaseAsync();
        try
        {
            var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
                Task.Run(() => PostgresMigrator.MigrateAsync(database, NullLogger.Instance))));

            // Whichever run won the lock applied everything; the others found nothing left to do.
            Assert.Equal(EmbeddedVersions, runs.SelectMany(applied => applied).Order(StringComparer.Ordinal));
            Assert.Single(runs, applied => applied.Count > 0);
            Assert.Equal(EmbeddedVersions, await ReadAppliedVersionsAsync(database));
        }
        finally
        {
            await PostgresTestServer.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task A_failing_migration_is_rolled_back_and_stops_later_ones()
    {
        var database = await PostgresTestServer.CreateDatabaseAsync();
        try
        {
            PostgresMigration[] migrations =
            [
                new("0001_good", "CREATE TABLE good_table (id int);"),
                new("0002_bad", "CREATE TABLE half_done (id int); SELECT * FROM no_such_table;"),
                new("0003_later", "CREATE TABLE later_table (id int);"),
            ];
            var migrator = new PostgresMigrator(database, NullLogger.Instance, migrations);

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync());

            Assert.Contains("0002_bad", error.Message);
            Assert.Equal(["0001_good"], await ReadAppliedVersionsAsync(database));
            Assert.True(await TableExistsAsync(database, "good_table"));
            Assert.False(await TableExistsAsync(database, "half_done"));
            Assert.False(await TableExistsAsync(database, "later_table"));
        }
        finally
        {
            await PostgresTestServer.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task An_applied_migration_that_was_edited_is_rejected()
    {
        var database = await PostgresTestServer.CreateDatabaseAsync();
        try
        {
            await new PostgresMigrator(database, NullLogger.Instance, [new("0001_table", "CREATE TABLE t (id int);")]).MigrateAsync();
            var edited = new PostgresMigrator(database, NullLogger.Instance, [new("0001_table", "CREATE TABLE t (id bigint);")]);

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => edited.MigrateAsync());

            Assert.Contains("0001_table", error.Message);
        }
        finally
        {
            await PostgresTestServer.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task A_later_migration_is_applied_on_top_of_earlier_ones()
    {
        var database = await PostgresTestServer.CreateDatabaseAsync();
        try
        {
            PostgresMigration first = new("0001_first", "CREATE TABLE first_table (id int);");
            await new PostgresMigrator(database, NullLogger.Instance, [first]).MigrateAsync();

            var applied = await new PostgresMigrator(database, NullLogger.Instance,
                [first, new("0002_second", "CREATE TABLE second_table (id int);")]).MigrateAsync();

            Assert.Equal(["0002_second"], applied);
            Assert.True(await TableExistsAsync(database, "second_table"));
        }
        finally
        {
            await PostgresTestServer.DropDatabaseAsync(database);
        }
    }

    private static async Task<string[]> ReadAppliedVersionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version FROM schema_migrations ORDER BY version COLLATE \"C\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<string>();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetString(0));
        }

        return [.. versions];
    }

    private static async Task<bool> TableExistsAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
        command.Parameters.AddWithValue("table", table);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
