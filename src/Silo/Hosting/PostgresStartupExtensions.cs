using GxProtocol.Silo.Postgres;

namespace GxProtocol.Silo.Hosting;

/// <summary>PostgreSQL mode's start-up: check the connection (naming the key on failure) and apply migrations.</summary>
public static class PostgresStartupExtensions
{
    public static async Task PreparePostgresAsync(this WebApplicationBuilder builder, string? connectionString)
    {
        if (connectionString is null)
        {
            return;
        }
        await GxPostgresConfiguration.ValidateAsync(connectionString);
        using var loggers = LoggerFactory.Create(logging => logging.AddConsole());
        await PostgresMigrator.MigrateAsync(connectionString, loggers.CreateLogger("GxProtocol.Migrations"));
    }

    /// <summary><c>migrate</c>: apply the schema and exit (a Kubernetes job runs this before the silos).</summary>
    public static async Task<bool> RunMigrateCommandAsync(this WebApplicationBuilder builder, string[] args, string? connectionString)
    {
        if (args is not ["migrate", ..])
        {
            return false;
        }
        if (connectionString is null)
        {
            throw new GxConfigurationException(GxPostgresConfiguration.ConnectionStringKey,
                $"migrate needs {GxPostgresConfiguration.ConnectionStringKey} (environment ConnectionStrings__Postgres).");
        }
        await builder.PreparePostgresAsync(connectionString);
        Console.WriteLine("Migrations applied.");
        return true;
    }
}
