using System.Collections.Concurrent;
using GxProtocol.Backend.Tests.Support;
using GxProtocol.Fabric;
using GxProtocol.Fabric.Client;
using GxProtocol.Fabric.Configuration;
using GxProtocol.Grains;
using GxProtocol.Grains.ReadModels;
using GxProtocol.Grains.Verification;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace GxProtocol.Backend.Tests.Verification;

/// <summary>
/// One in-process silo with the GX grains on a <see cref="ShiftableClock"/> (a code's 15 minutes pass at once), mail
/// in the development mailbox, and phone codes caught by <see cref="PhoneCodes"/> in place of an SMS provider.
/// </summary>
public sealed class VerificationClusterFixture : IAsyncLifetime
{
    public ShiftableClock Clock { get; } = new();
    public RecordingPhoneSender PhoneCodes { get; } = new();
    public SharedLedger Ledger { get; private set; } = null!;
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        Ledger = await SharedLedger.StartAsync();
        var settings = Ledger.SiloSettings();
        var fabric = new FabricOptions
        {
            Endpoint = settings["Gx:Fabric:Endpoint"], MspId = settings["Gx:Fabric:MspId"],
            CertificatePem = settings["Gx:Fabric:CertificatePem"], PrivateKeyPem = settings["Gx:Fabric:PrivateKeyPem"],
        };
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.AddSingleton<IPhoneVerificationSender>(PhoneCodes);
            silo.AddGxMemoryGrainStorageAsDefault();
            silo.UseInMemoryReminderService();
            silo.AddGxGrains();
            silo.Services.AddSingleton<IReadModelStore>(new InMemoryReadModelStore());
            silo.Services.AddSingleton<ILedgerClient>(_ => FabricLedgerClient.Connect(fabric, Clock));
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

/// <summary>Keeps each phone code sent, by number, as an SMS provider's inbox would.</summary>
public sealed class RecordingPhoneSender : IPhoneVerificationSender
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _codes = new();

    public Task SendCodeAsync(string phoneNumber, string code, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        _codes.GetOrAdd(phoneNumber, _ => new ConcurrentQueue<string>()).Enqueue(code);
        return Task.CompletedTask;
    }

    public IReadOnlyList<string> CodesFor(string phoneNumber) => _codes.TryGetValue(phoneNumber, out var codes) ? [.. codes] : [];
}
