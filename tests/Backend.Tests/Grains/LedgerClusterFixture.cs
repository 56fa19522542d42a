using GxProtocol.Backend.Tests.Support;
using GxProtocol.Fabric.Configuration;
using GxProtocol.Grains;
using GxProtocol.Grains.ReadModels;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace GxProtocol.Backend.Tests.Grains;

/// <summary>Two in-process silos with memory storage and the GX grains, submitting to one shared DevLedger over gRPC.</summary>
public sealed class LedgerClusterFixture : IAsyncLifetime
{
    public SharedLedger Ledger { get; private set; } = null!;
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        Ledger = await SharedLedger.StartAsync();
        var settings = Ledger.SiloSettings();
        var readModels = new InMemoryReadModelStore();
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorageAsDefault();
            silo.AddMemoryGrainStorage(GxStorage.Name);
            silo.UseInMemoryReminderService();
            silo.AddGxGrains();
            silo.Services.AddSingleton<IReadModelStore>(readModels);
            silo.Services.AddFabricLedgerClient(fabric =>
            {
                fabric.Endpoint = settings["Gx:Fabric:Endpoint"];
                fabric.MspId = settings["Gx:Fabric:MspId"];
                fabric.CertificatePem = settings["Gx:Fabric:CertificatePem"];
                fabric.PrivateKeyPem = settings["Gx:Fabric:PrivateKeyPem"];
            });
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Ledger.DisposeAsync();
    }
}
