using GxProtocol.Backend.Tests.Support;
using Orleans.TestingHost;

namespace GxProtocol.Backend.Tests.Postgres;

/// <summary>
/// Two silos and a client using ADO.NET clustering, grain storage and reminders on a fresh
/// PostgreSQL database (no test-cluster membership: silos find each other through PostgreSQL).
/// </summary>
public sealed class PostgresClusterFixture : IAsyncLifetime
{
    private readonly PostgresFixture _database = new();

    public TestCluster Cluster { get; private set; } = null!;

    public string ConnectionString => _database.ConnectionString;

    /// <summary>
    /// Services of the first silo (TestCluster runs silos in this process), e.g. its IGrainStorage
    /// or Serializer. Cluster.Primary is not used: it is only set with test-cluster membership.
    /// </summary>
    public IServiceProvider PrimarySiloServices =>
        Cluster.GetActiveSilos().FirstOrDefault() is InProcessSiloHandle handle
            ? handle.ServiceProvider
            : throw new InvalidOperationException("No active silo of the test cluster runs in this process.");

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();

        var builder = new TestClusterBuilder(2);
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[PostgresTestClusterConfiguration.ConnectionStringKey] = _database.ConnectionString;
        builder.AddSiloBuilderConfigurator<PostgresSiloConfigurator>();
        builder.AddClientBuilderConfigurator<PostgresClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
