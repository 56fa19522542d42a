using GxProtocol.DevLedger.Configuration;
using GxProtocol.Fabric;
using GxProtocol.Fabric.Configuration;
using GxProtocol.Fabric.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GxProtocol.Ledger.Tests.Gateway;

public sealed class OptionsValidationTests
{
    [Fact]
    public void Fabric_options_failures_name_the_configuration_key()
    {
        var result = new FabricOptionsValidator().Validate(null, new FabricOptions { Endpoint = "not a uri", MspId = "", EndorseTimeout = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Gx:Fabric:Endpoint", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Gx:Fabric:MspId", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Gx:Fabric:EndorseTimeout", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Gx:Fabric:CertificatePem", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_that_does_not_match_the_certificate_is_refused()
    {
        var one = DevelopmentIdentity.Create("one");
        var two = DevelopmentIdentity.Create("two");

        var result = new FabricOptionsValidator().Validate(null, new FabricOptions { MspId = "Org1MSP", CertificatePem = one.CertificatePem, PrivateKeyPem = two.PrivateKeyPem });

        Assert.Contains(result.Failures!, f => f.Contains("not a P-256 key matching", StringComparison.Ordinal));
    }

    [Fact]
    public void The_client_registered_from_configuration_validates_on_start()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Gx:Fabric:Endpoint"] = "ftp://x", ["Gx:Fabric:MspId"] = "Org1MSP" })
            .Build();
        using var provider = new ServiceCollection().AddFabricLedgerClient(configuration.GetSection("Gx:Fabric")).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ILedgerClient>());

        Assert.Contains(failure.Failures, f => f.StartsWith("Gx:Fabric:Endpoint", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Gx:Fabric:CertificatePem or Gx:Fabric:CertificatePath is required", StringComparison.Ordinal));
    }

    [Fact]
    public void DevLedger_options_failures_name_the_configuration_key()
    {
        var options = new DevLedgerOptions { Port = -1, DefaultRole = "root", MaxTransactionsPerBlock = 0 };
        options.Faults.MvccConflictRate = 2;
        options.Identities.Add(new DevLedgerIdentityOptions { Role = "partner_api" });

        var result = new DevLedgerOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith("Gx:DevLedger:Port", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Gx:DevLedger:DefaultRole", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Gx:DevLedger:MaxTransactionsPerBlock", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Gx:DevLedger:Faults:MvccConflictRate", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Gx:DevLedger:Identities:0", StringComparison.Ordinal));
    }
}
