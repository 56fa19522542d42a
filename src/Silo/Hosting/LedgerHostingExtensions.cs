using GxProtocol.Contract;
using GxProtocol.DevLedger.Configuration;
using GxProtocol.DevLedger.Hosting;
using GxProtocol.Fabric.Configuration;
using GxProtocol.Fabric.Identity;

namespace GxProtocol.Silo.Hosting;

/// <summary>
/// Which ledger the outbox and the listener talk to: <c>Gx:Ledger:Mode</c> "embedded" (default) starts the DevLedger
/// in this process with a fresh identity it trusts as super_admin; "fabric" uses the <c>Gx:Fabric</c> section.
/// In PostgreSQL mode the key must be set: silos sharing a database must share one ledger, and a silent default would
/// give each its own private DevLedger.
/// </summary>
public static class LedgerHostingExtensions
{
    public const string ModeKey = "Gx:Ledger:Mode";

    /// <summary>Stops start-up before anything is touched when a PostgreSQL silo does not say which ledger it uses.</summary>
    public static void RequireExplicitLedgerMode(this WebApplicationBuilder builder, string? postgres)
    {
        if (postgres is not null && string.IsNullOrWhiteSpace(builder.Configuration[ModeKey]))
        {
            throw new Postgres.GxConfigurationException(ModeKey,
                $"{ModeKey} must be set in PostgreSQL mode: 'fabric' for a shared ledger (Gx:Fabric), or 'embedded' for a private in-process DevLedger (development only).");
        }
    }

    public static async Task<DevLedgerHost?> AddGxLedgerAsync(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration[ModeKey] ?? "embedded";
        switch (mode)
        {
            case "fabric":
                builder.Services.AddFabricLedgerClient(builder.Configuration.GetSection(FabricOptions.SectionName));
                return null;
            case "embedded":
                var ledgerOptions = HostOptionsReader.Read(builder.Configuration, DevLedgerOptions.SectionName, new DevLedgerOptionsValidator());
                var identity = DevelopmentIdentity.Create("gx-backend");
                ledgerOptions.AddIdentity(identity.CertificatePem, CallerRoles.SuperAdmin);
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
