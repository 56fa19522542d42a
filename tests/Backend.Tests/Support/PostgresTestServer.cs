using Npgsql;

namespace GxProtocol.Backend.Tests.Support;

/// <summary>
/// The PostgreSQL server every PostgreSQL test in this process shares: the one named by
/// GX_TEST_POSTGRES (test.sh sets it), otherwise one throwaway server started on first use and
/// stopped when the test process exits. Tests isolate themselves with a database each.
/// </summary>
public static class PostgresTestServer
{
    public const string ConnectionStringVariable = "GX_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> AdminConnectionString = new(StartOrUseConfiguredAsync);

    public static Task<string> GetAdminConnectionStringAsync() => AdminConnectionString.Value;

    /// <summary>Creates an empty database with a unique name and returns a connection string to it.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = await GetAdminConnectionStringAsync();
        var name = $"gx_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, disconnecting whoever still uses it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(await GetAdminConnectionStringAsync());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<string> StartOrUseConfiguredAsync()
    {
        FastRun.Refuse("uses PostgreSQL", "Postgres");
        var configured = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var server = await ThrowawayPostgresServer.StartAsync();
        server.StopWhenProcessExits(Environment.ProcessId);
        return server.ConnectionString;
    }
}
