using GxProtocol.Contract;
using GxProtocol.DevLedger.Configuration;
using GxProtocol.DevLedger.Hosting;
using GxProtocol.Fabric.Client;
using GxProtocol.Fabric.Configuration;
using GxProtocol.Fabric.Identity;

namespace GxProtocol.Ledger.Tests.Gateway;

/// <summary>A DevLedger on a random loopback port with the key-value chaincode, and a client registered as super_admin.</summary>
public sealed class LedgerFixture : IAsyncDisposable
{
    public const string ClientMspId = "GxTestMSP";

    private LedgerFixture(DevLedgerHost host, PemIdentity identity, FabricLedgerClient client)
    {
        Host = host;
        Identity = identity;
        Client = client;
    }

    public DevLedgerHost Host { get; }
    public PemIdentity Identity { get; }
    public FabricLedgerClient Client { get; }

    public delegate void Configure(DevLedgerOptions options);

    public static async Task<LedgerFixture> StartAsync(Configure? configure = null, PemIdentity? identity = null)
    {
        identity ??= DevelopmentIdentity.Create("gateway-test-client");
        var options = new DevLedgerOptions { Port = 0, BatchTimeout = TimeSpan.FromMilliseconds(20) };
        options.AddIdentity(identity.CertificatePem, CallerRoles.SuperAdmin);
        configure?.Invoke(options);
        var host = await DevLedgerHost.StartAsync(options, CancellationToken.None, new KeyValueChaincode());
        return new LedgerFixture(host, identity, FabricLedgerClient.Connect(ClientOptions(host, identity)));
    }

    public static FabricOptions ClientOptions(DevLedgerHost host, PemIdentity identity) => new()
    {
        Endpoint = host.Endpoint.ToString(),
        MspId = ClientMspId,
        CertificatePem = identity.CertificatePem,
        PrivateKeyPem = identity.PrivateKeyPem,
        CommitStatusTimeout = TimeSpan.FromSeconds(20),
    };

    public Fabric.Protos.Gateway.Gateway.GatewayClient RawGateway() =>
        new(Grpc.Net.Client.GrpcChannel.ForAddress(Host.Endpoint));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
