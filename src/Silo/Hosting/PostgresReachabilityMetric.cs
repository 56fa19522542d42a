using Npgsql;
using Prometheus;

namespace GxProtocol.Silo.Hosting;

/// <summary>
/// <c>gx_postgres_up</c>: 1 while this silo can run a query on its PostgreSQL database, 0 when it cannot, checked every
/// 15 s. The "PostgreSQL unreachable" alert reads it; the silo itself keeps running and retrying.
/// </summary>
internal sealed class PostgresReachabilityMetric(string connectionString, ILogger<PostgresReachabilityMetric> logger) : BackgroundService
{
    private static readonly Gauge Up = Metrics.CreateGauge("gx_postgres_up",
        "1 when this silo's last query to PostgreSQL succeeded, 0 when it failed.");

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5, CommandTimeout = 5 };
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(stoppingToken);
                Up.Set(1);
            }
            catch (Exception failure) when (failure is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
            {
                Up.Set(0);
                logger.LogWarning(failure, "PostgreSQL is unreachable");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
