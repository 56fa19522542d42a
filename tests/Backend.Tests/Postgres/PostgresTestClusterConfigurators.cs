using GxProtocol.Silo.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace GxProtocol.Backend.Tests.Postgres;

/// <summary>
/// TestCluster creates configurators by their parameterless constructors, so the connection string
/// travels through the cluster configuration under this key (TestClusterBuilder.Properties).
/// </summary>
public static class PostgresTestClusterConfiguration
{
    public const string ConnectionStringKey = "GxTestPostgresConnectionString";

    public static string ReadConnectionString(IConfiguration configuration) =>
        configuration[ConnectionStringKey] ?? throw new InvalidOperationException($"Test cluster configuration lacks {ConnectionStringKey}.");
}

public sealed class PostgresSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddGxPostgres(PostgresTestClusterConfiguration.ReadConnectionString(siloBuilder.Configuration));

        // The production minimum (one minute) would make the reminder test take minutes.
        siloBuilder.Services.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
    }
}

public sealed class PostgresClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.UseGxPostgresClustering(PostgresTestClusterConfiguration.ReadConnectionString(configuration));
}
