using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace GxProtocol.Silo.Postgres;

/// <summary>
/// Reads and checks the PostgreSQL setting before the silo starts, so a bad value stops start-up
/// with a message naming the key instead of a provider failing deep inside Orleans start-up.
/// </summary>
public static class GxPostgresConfiguration
{
    /// <summary>The configuration key whose presence selects PostgreSQL mode.</summary>
    public const string ConnectionStringKey = "ConnectionStrings:Postgres";

    /// <summary>The configured connection string, or null when PostgreSQL mode is not selected.</summary>
    public static string? GetConnectionString(IConfiguration configuration)
    {
        var value = configuration[ConnectionStringKey];
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>Parses the connection string; a malformed one throws naming <see cref="ConnectionStringKey"/>.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception error) when (error is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // The connection string may hold a password, so the message quotes only the parser's complaint.
            throw new GxConfigurationException(ConnectionStringKey,
                $"{ConnectionStringKey} is not a valid Npgsql connection string: {error.Message}", error);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new GxConfigurationException(ConnectionStringKey,
                $"{ConnectionStringKey} has no Host (expected e.g. \"Host=db;Port=5432;Database=gx;Username=gx;Password=...\").");
        }

        return builder;
    }

    /// <summary>
    /// Parses the connection string and opens one connection with it. Any failure (malformed, host
    /// unreachable, authentication, missing database) throws naming the key and host:port.
    /// </summary>
    public static async Task ValidateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var builder = Parse(connectionString);
        var endpoint = $"{builder.Host}:{builder.Port}";
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var probe = new NpgsqlCommand("SELECT 1", connection);
            await probe.ExecuteScalarAsync(cancellationToken);
        }
        catch (Exception error) when (error is NpgsqlException or SocketException or TimeoutException)
        {
            throw new GxConfigurationException(ConnectionStringKey,
                $"{ConnectionStringKey}: cannot use PostgreSQL at {endpoint} (database \"{builder.Database}\"): {Describe(error)}", error);
        }
    }

    private static string Describe(Exception error) => error switch
    {
        PostgresException server => $"{server.MessageText} (SQLSTATE {server.SqlState})",
        { InnerException: SocketException socket } => socket.Message,
        _ => error.Message,
    };
}
