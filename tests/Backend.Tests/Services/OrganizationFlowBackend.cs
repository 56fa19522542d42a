using GxProtocol.Backend.Tests.Support;
using GxProtocol.Contract;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>
/// A silo on a DevLedger the test can also reach directly. The public API has no route that pays into an
/// organization's wallet (tokenomics transfers go to user ids), so the flow funds the organization, freezes its wallet
/// or pauses the system on the ledger itself, as an operator with the backend's identity would.
/// </summary>
public sealed class OrganizationFlowBackend : IAsyncLifetime
{
    private HostProcess _silo = null!;

    public SharedLedger Ledger { get; private set; } = null!;
    public JourneyDriver Journey { get; }
    public GxApiClient SuperAdmin { get; private set; } = null!;

    public OrganizationFlowBackend() => Journey = new JourneyDriver(() => _silo.ApiBase);

    public async Task InitializeAsync()
    {
        Ledger = await SharedLedger.StartAsync();
        var settings = Ledger.SiloSettings();
        settings["Gx:Bootstrap:SuperAdminEmail"] = ServicesBackend.SuperAdminEmail;
        settings["Gx:Bootstrap:SuperAdminPassword"] = ServicesBackend.SuperAdminPassword;
        // The super admin logs in once for every test of the collection: longer than a 5-minute admin token under load.
        settings["Gx:Jwt:AccessTokenMinutes"] = "240";
        settings["Gx:Jwt:AdminAccessTokenMinutes"] = "240";
        _silo = await HostProcess.StartSiloAsync(settings, TimeSpan.FromSeconds(90));
        SuperAdmin = await Journey.LoginAsync(ServicesBackend.SuperAdminEmail, ServicesBackend.SuperAdminPassword);
        await Journey.BootstrapAsync(SuperAdmin);
    }

    public Task<RegisteredUser> NewActiveUserAsync(string country = "MY") =>
        Journey.RegisterActiveUserAsync(SuperAdmin, $"{Guid.NewGuid():N}@org-flow.test", country);

    public GxApiClient Anonymous() => new(_silo.ApiBase);

    /// <summary>Submits one chaincode transaction behind the backend's back; it still reaches the grains as an event.</summary>
    public async Task SubmitOnLedgerAsync(string transactionName, params string[] arguments)
    {
        using var client = Ledger.ConnectClient();
        await client.SubmitAsync(Guid.NewGuid().ToString(), transactionName, arguments);
    }

    /// <summary>A user pays coins into the organization's wallet (the organization kind: the sender pays the fee).</summary>
    public Task FundAsync(string fromUserId, string orgId, long coins) =>
        SubmitOnLedgerAsync(GxChaincode.Tokenomics.TransferWithFees, fromUserId, orgId, (coins * GxChaincode.QiratPerCoin).ToString(), "funding");

    public async Task DisposeAsync()
    {
        SuperAdmin?.Dispose();
        await _silo.DisposeAsync();
        await Ledger.DisposeAsync();
    }
}
