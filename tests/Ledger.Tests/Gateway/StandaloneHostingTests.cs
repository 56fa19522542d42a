using GxProtocol.Fabric;
using GxProtocol.Fabric.Client;
using GxProtocol.Fabric.Configuration;
using GxProtocol.Fabric.Identity;

namespace GxProtocol.Ledger.Tests.Gateway;

public sealed class StandaloneHostingTests
{
    /// <summary>
    /// Found with the official Node client against the standalone program: its ErrorDetail address read "devledger"
    /// where a peer names its endpoint, because only the in-process host told the engine its bound address.
    /// </summary>
    [Fact]
    public async Task Error_details_of_a_standalone_ledger_name_its_bound_endpoint()
    {
        await using var ledger = await StandaloneHosting.StartAsync(new Dictionary<string, string?> { ["Gx:DevLedger:DefaultRole"] = "super_admin" });
        var identity = DevelopmentIdentity.Create("standalone-client");
        using var client = FabricLedgerClient.Connect(new FabricOptions
        {
            Endpoint = ledger.Endpoint.ToString(),
            MspId = "GxStandaloneMSP",
            CertificatePem = identity.CertificatePem,
            PrivateKeyPem = identity.PrivateKeyPem,
        });

        var failure = await Assert.ThrowsAsync<LedgerEndorsementException>(() => client.EvaluateAsync("KV:Fail", ["404", "missing"]));

        Assert.Equal("127.0.0.1", ledger.Endpoint.Host);
        Assert.Equal(ledger.Endpoint.Authority, Assert.Single(failure.Details).Address);
    }
}
