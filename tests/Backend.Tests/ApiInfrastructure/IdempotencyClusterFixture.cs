using GxProtocol.Grains;
using Orleans.TestingHost;

namespace GxProtocol.Backend.Tests.ApiInfrastructure;

/// <summary>One in-process silo hosting the real IdempotencyGrain on memory storage named like the host's.</summary>
public sealed class IdempotencyClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddGxMemoryGrainStorage());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
