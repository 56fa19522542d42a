using GxProtocol.DevLedger.Configuration;
using GxProtocol.DevLedger.Hosting;
using GxProtocol.Fabric.Configuration;
using GxProtocol.Fabric.Identity;

namespace GxProtocol.Silo.Hosting;

/// <summary>
/// Which ledger the outbox and the listener talk to: <c>Gx:Ledger:Mode</c> "embedded" (default) starts the DevLedger
/// in this process with a fresh identity it trusts as super_admin; "fabric" uses the <c>Gx:Fabric</c> section.
/// </summary>
public static class LedgerHostingExtensions
{
    public const string ModeKey = "Gx:Ledger:Mode";

    public static async Task<DevLedgerHost?> AddGxLedgerAsync(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration[ModeKey] ?? "embedded";
        switch (mode)
        {
            case "fabric":
                builder.Services.AddFabricLedgerClient(builder.Configuration.GetSection(FabricOptions.SectionName));
                return null;
            case "embedded":
                var ledgerOptions = HostOptionsReader.Read<DevLedgerOptions>(builder.Configuration, DevLedgerOptions.SectionName);
                var identity = DevelopmentIdentity.Create("gx-backend");
                ledgerOptions.AddIdentity(identity.CertificatePem, Fabric.Contract.GxRoles.SuperAdmin);
                var ledger = await DevLedgerHost.StartAsync(ledgerOptions);
                builder.Services.AddSingleton(ledger);
                builder.Services.AddFabricLedgerClient(fabric =>
                {
                    fabric.Endpoint = ledger.Endpoint.ToString().TrimEnd('/');
                    fabric.MspId = "GxBackendMSP";
                    fabric.CertificatePem = identity.CertificatePem;
                    fabric.PrivateKeyPem = identity.PrivateKeyPem;
                });
                return ledger;
            default:
                throw new Postgres.GxConfigurationException(ModeKey, $"{ModeKey} must be 'embedded' or 'fabric'; got '{mode}'.");
        }
    }
}
