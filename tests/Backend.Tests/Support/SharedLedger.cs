using GxProtocol.DevLedger.Configuration;
using GxProtocol.DevLedger.Hosting;
using GxProtocol.Fabric.Identity;

namespace GxProtocol.Backend.Tests.Support;

/// <summary>
/// One DevLedger in the test process that several silo processes share, with the identity they all sign with, as
/// real deployments share a Fabric network.
/// </summary>
public sealed class SharedLedger : IAsyncDisposable
{
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
        var options = new DevLedgerOptions { Port = 0 }.AddIdentity(identity.CertificatePem, GxProtocol.Fabric.Contract.GxRoles.SuperAdmin);
        return new SharedLedger(await DevLedgerHost.StartAsync(options), identity);
    }

    /// <summary>The silo settings that point a silo at this ledger.</summary>
    public IDictionary<string, string> SiloSettings() => new Dictionary<string, string>
    {
        ["Gx:Ledger:Mode"] = "fabric",
        ["Gx:Fabric:Endpoint"] = Host.Endpoint.ToString().TrimEnd('/'),
        ["Gx:Fabric:MspId"] = "GxBackendMSP",
        ["Gx:Fabric:CertificatePem"] = Identity.CertificatePem,
        ["Gx:Fabric:PrivateKeyPem"] = Identity.PrivateKeyPem,
    };

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
