using GxProtocol.Contract;
using GxProtocol.DevLedger.Configuration;
using GxProtocol.DevLedger.Hosting;
using GxProtocol.Fabric.Client;
using GxProtocol.Fabric.Configuration;
using GxProtocol.Fabric.Identity;

namespace GxProtocol.Backend.Tests.Support;

/// <summary>
/// One DevLedger in the test process that several silo processes share, with the identity they all sign with, as
/// real deployments share a Fabric network.
/// </summary>
public sealed class SharedLedger : IAsyncDisposable
{
    private const string MspId = "GxBackendMSP";

    private SharedLedger(DevLedgerHost host, PemIdentity identity)
    {
        Host = host;
        Identity = identity;
    }

    public DevLedgerHost Host { get; }
    public PemIdentity Identity { get; }

    public static async Task<SharedLedger> StartAsync()
    {
        var identity = DevelopmentIdentity.Create("gx-backend-test");
        var options = new DevLedgerOptions { Port = 0 }.AddIdentity(identity.CertificatePem, GxProtocol.Contract.CallerRoles.SuperAdmin);
        return new SharedLedger(await DevLedgerHost.StartAsync(options), identity);
    }

    /// <summary>The silo settings that point a silo at this ledger.</summary>
    public IDictionary<string, string> SiloSettings() => new Dictionary<string, string>
    {
        ["Gx:Ledger:Mode"] = "fabric",
        ["Gx:Fabric:Endpoint"] = Host.Endpoint.ToString().TrimEnd('/'),
        ["Gx:Fabric:MspId"] = MspId,
        ["Gx:Fabric:CertificatePem"] = Identity.CertificatePem,
        ["Gx:Fabric:PrivateKeyPem"] = Identity.PrivateKeyPem,
    };

    /// <summary>A client with the backend's identity, for a test to act on the ledger behind the backend's back.</summary>
    public FabricLedgerClient ConnectClient() => FabricLedgerClient.Connect(new FabricOptions
    {
        Endpoint = Host.Endpoint.ToString().TrimEnd('/'),
        MspId = MspId,
        CertificatePem = Identity.CertificatePem,
        PrivateKeyPem = Identity.PrivateKeyPem,
    });

    /// <summary>The balance the ledger holds for an account, read with a query as any client would.</summary>
    public async Task<long> BalanceAsync(string account)
    {
        using var client = ConnectClient();
        var answer = await client.EvaluateAsync(GxChaincode.Tokenomics.GetBalance, [account]);
        return LedgerEventJson.Deserialize<BalanceQueryResult>(answer).Balance;
    }

    /// <summary>The pools and the treasuries of <paramref name="countries"/>: with every wallet, they hold the whole supply.</summary>
    public async Task<long> SystemAccountsTotalAsync(params string[] countries)
    {
        long total = 0;
        foreach (var account in GxSupply.InitialPools.Select(p => p.Account).Concat(countries.Select(GxSupply.TreasuryAccount)))
        {
            total += await BalanceAsync(account);
        }
        return total;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
