using GxProtocol.Fabric;
using GxProtocol.Fabric.Client;
using GxProtocol.Fabric.Configuration;
using GxProtocol.Grains;
using GxProtocol.Grains.ReadModels;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace GxProtocol.Backend.Tests.Support;

/// <summary>
/// One in-process silo with the GX grains and in-memory reminders on its own DevLedger, where grains and transaction
/// timestamps share a <see cref="ShiftableClock"/>: deadlines and idle periods can be passed without waiting.
/// Derived fixtures add services of their own and may leave the ledger unbootstrapped.
/// </summary>
public class ShiftedClockClusterFixture : IAsyncLifetime
{
    public ShiftableClock Clock { get; } = new();
    public SharedLedger Ledger { get; private set; } = null!;
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IClusterClient Client => Cluster.Client;
    public GrainJourney Journey => new(Client);

    /// <summary>Whether the fixture bootstraps the ledger and its countries before the first test.</summary>
    protected virtual bool Bootstraps => true;

    /// <summary>Services a derived fixture replaces, registered before the GX grains'.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        Ledger = await SharedLedger.StartAsync();
        var settings = Ledger.SiloSettings();
        var fabric = new FabricOptions
        {
            Endpoint = settings["Gx:Fabric:Endpoint"],
            MspId = settings["Gx:Fabric:MspId"],
            CertificatePem = settings["Gx:Fabric:CertificatePem"],
            PrivateKeyPem = settings["Gx:Fabric:PrivateKeyPem"],
        };
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<TimeProvider>(Clock);
            ConfigureServices(silo.Services);
            silo.AddGxMemoryGrainStorageAsDefault();
            silo.UseInMemoryReminderService();
            silo.AddGxGrains();
            silo.Services.AddSingleton<IReadModelStore>(new InMemoryReadModelStore());
            silo.Services.AddSingleton<ILedgerClient>(_ => FabricLedgerClient.Connect(fabric, Clock));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        if (Bootstraps)
        {
            await Journey.BootstrapAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Ledger.DisposeAsync();
    }
}
