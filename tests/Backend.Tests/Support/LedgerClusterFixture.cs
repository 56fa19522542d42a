using GxProtocol.Fabric.Configuration;
using GxProtocol.Grains;
using GxProtocol.Grains.Outbox;
using GxProtocol.Grains.ReadModels;
using GxProtocol.Grains.Tax;
using GxProtocol.Grains.Webhooks;
using GxProtocol.Silo.Outbox;
using GxProtocol.Silo.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace GxProtocol.Backend.Tests.Support;

/// <summary>Two in-process silos with the GX grains, submitting to one shared DevLedger over gRPC.</summary>
public abstract class LedgerClusterFixture : IAsyncLifetime
{
    public SharedLedger Ledger { get; private set; } = null!;
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IClusterClient Client => Cluster.Client;
    public InMemoryReadModelStore ReadModels { get; } = new();

    /// <summary>One store for both silos, as one database would be: an outbox shard may activate on either.</summary>
    public IOutboxStore OutboxRows { get; protected set; } = new InMemoryOutboxStore();

    /// <summary>Webhook deliveries likewise: the publisher and an endpoint's delivery grain may run on different silos.</summary>
    public IWebhookDeliveryStore WebhookDeliveries { get; } = new InMemoryWebhookDeliveryStore();

    /// <summary>Registers the "gx" grain storage provider the grains persist to.</summary>
    protected abstract void AddGrainStorage(ISiloBuilder silo);

    protected virtual Task PrepareAsync() => Task.CompletedTask;

    protected virtual void ConfigureOutbox(OutboxOptions outbox)
    {
    }

    protected virtual void ConfigureFeeCreditFold(FeeCreditFoldOptions fold)
    {
    }

    public async Task InitializeAsync()
    {
        await PrepareAsync();
        Ledger = await SharedLedger.StartAsync();
        var settings = Ledger.SiloSettings();
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddGxMemoryGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
            AddGrainStorage(silo);
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton(OutboxRows);
            silo.Services.AddSingleton(WebhookDeliveries);
            silo.AddGxGrains();
            silo.Services.Configure<OutboxOptions>(ConfigureOutbox);
            silo.Services.Configure<WebhookOptions>(webhooks =>
            {
                webhooks.AllowedHosts = ["127.0.0.1"];
                webhooks.AllowInsecureHttp = true;
                webhooks.BaseRetryDelay = TimeSpan.FromMilliseconds(100);
            });
            silo.Services.Configure<FeeCreditFoldOptions>(ConfigureFeeCreditFold);
            silo.Services.AddSingleton<IReadModelStore>(ReadModels);
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

    public virtual async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Ledger.DisposeAsync();
    }
}

/// <summary>Grain state in memory.</summary>
public sealed class MemoryLedgerClusterFixture : LedgerClusterFixture
{
    protected override void AddGrainStorage(ISiloBuilder silo) => silo.AddGxMemoryGrainStorage();
}

/// <summary>Grain state in PostgreSQL through the ADO.NET provider with the Orleans serializer.</summary>
public sealed class PostgresLedgerClusterFixture : LedgerClusterFixture
{
    private readonly PostgresFixture _database = new();

    protected override async Task PrepareAsync()
    {
        await _database.InitializeAsync();
        OutboxRows = new PostgresOutboxStore(_database.ConnectionString,
            new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>());
    }

    protected override void AddGrainStorage(ISiloBuilder silo) =>
        silo.AddGxPostgresGrainStorage(GxStorage.Name, _database.ConnectionString);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await ((PostgresOutboxStore)OutboxRows).DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>Memory storage and an outbox that gives up after two quick attempts, to exercise the dead letters.</summary>
public sealed class ImpatientOutboxClusterFixture : LedgerClusterFixture
{
    protected override void AddGrainStorage(ISiloBuilder silo) => silo.AddGxMemoryGrainStorage();

    protected override void ConfigureOutbox(OutboxOptions outbox)
    {
        outbox.MaxAttempts = 2;
        outbox.BaseRetryDelay = TimeSpan.FromMilliseconds(10);
        outbox.MaxRetryDelay = TimeSpan.FromMilliseconds(20);
    }
}

/// <summary>
/// Grain state and outbox rows in stores that count the bytes written, on a ledger that refuses every call, so that
/// what is queued stays queued; a test can also place stored state as earlier versions wrote it.
/// </summary>
public sealed class MeasuredStorageClusterFixture : LedgerClusterFixture
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    public MeasuredStorageClusterFixture() => OutboxRows = MeasuringRows;

    public MeasuringGrainStorage GrainStorage { get; } = new(Serializer);
    public MeasuringOutboxStore MeasuringRows { get; } = new(Serializer);
    public static Serializer OrleansSerializer => Serializer;

    protected override void AddGrainStorage(ISiloBuilder silo) =>
        silo.Services.AddKeyedSingleton<Orleans.Storage.IGrainStorage>(GxStorage.Name, GrainStorage);

    protected override void ConfigureOutbox(OutboxOptions outbox) => outbox.MaxAttempts = 1000;
}
