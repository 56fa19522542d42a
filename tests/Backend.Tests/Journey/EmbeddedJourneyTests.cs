using System.Net;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Journey;

/// <summary>
/// The README's journey against the embedded default run as a user runs it: a real silo process, the in-process
/// DevLedger, every layer from HTTP to the ledger and back through the event stream.
/// </summary>
[Trait("Category", "Slow")]
[Trait("Category", "Journey")]
[Trait("Category", "Process")]
public sealed class EmbeddedJourneyTests : IAsyncLifetime
{
    private const string AdminEmail = "root@gx.test";
    private const string AdminPassword = "correct horse battery staple";
    private HostProcess _silo = null!;
    private readonly JourneyDriver _journey;

    public EmbeddedJourneyTests() => _journey = new JourneyDriver(() => _silo.ApiBase);

    public async Task InitializeAsync() => _silo = await HostProcess.StartSiloAsync(new Dictionary<string, string>
    {
        ["Gx:Bootstrap:SuperAdminEmail"] = AdminEmail,
        ["Gx:Bootstrap:SuperAdminPassword"] = AdminPassword,
    });

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task Genesis_and_a_transfer_travel_through_the_ledger_and_back()
    {
        using var admin = await _journey.LoginAsync(AdminEmail, AdminPassword);
        await _journey.BootstrapAsync(admin);
        using var alice = await _journey.RegisterActiveUserAsync(admin, "alice@gx.test", "MY");
        using var bob = await _journey.RegisterActiveUserAsync(admin, "bob@gx.test", "MY");

        await JourneyDriver.WaitForBalanceAsync(alice.Client, alice.UserId, "500");
        var history = await alice.Client.GetAsync($"/tokenomics/api/v1/wallets/{alice.UserId}/transactions");
        Assert.Equal("GENESIS", history.Json["items"]![0]!["kind"]!.ToString());

        var transfer = await alice.Client.PostAsync("/tokenomics/api/v1/transfers", new { toUserId = bob.UserId, amount = "100", remark = "rent" });
        Assert.True(transfer.Status == HttpStatusCode.Accepted, $"transfer: {transfer}");
        Assert.Equal($"/identity/api/v1/commands/{transfer["commandId"]}", transfer.Location);

        var committed = await Eventually.MatchesAsync(() => alice.Client.GetAsync(transfer.Location!),
            r => r.Status == HttpStatusCode.OK && r["status"] == "COMMITTED", "the transfer command to commit");
        Assert.NotEmpty(committed["txId"]);
        Assert.True(ulong.Parse(committed["blockNumber"]) > 0);

        // Same country, 100 coins: 5 bps = 0.05 coins, split 50/50.
        await JourneyDriver.WaitForBalanceAsync(alice.Client, alice.UserId, "399.975");
        await JourneyDriver.WaitForBalanceAsync(bob.Client, bob.UserId, "599.975");
        var aliceLines = await alice.Client.GetAsync($"/tokenomics/api/v1/wallets/{alice.UserId}/transactions");
        var newest = aliceLines.Json["items"]![0]!;
        Assert.Equal("TRANSFER_OUT", newest["kind"]!.ToString());
        Assert.Equal("-100.025", newest["amount"]!.ToString());
        Assert.Equal("0.025", newest["fee"]!.ToString());

        var wallet = await alice.Client.GetAsync($"/tokenomics/api/v1/wallets/{alice.UserId}/balance");
        Assert.Equal("0", wallet["pendingHolds"]);

        // The same transfer sent five times with one idempotency key moves money once.
        var key = $"retry-{Guid.NewGuid():N}";
        var answers = new List<ApiResponse>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            answers.Add(await alice.Client.PostAsync("/tokenomics/api/v1/transfers", new { toUserId = bob.UserId, amount = "10" }, idempotencyKey: key));
        }
        Assert.All(answers, a => Assert.Equal(answers[0]["commandId"], a["commandId"]));
        await Eventually.MatchesAsync(() => alice.Client.GetAsync(answers[0].Location!), r => r["status"] == "COMMITTED", "the retried transfer to commit");
        // 10 coins, same country: 5 bps = 0.005 coins, half each.
        await JourneyDriver.WaitForBalanceAsync(alice.Client, alice.UserId, "389.9725");
        await JourneyDriver.WaitForBalanceAsync(bob.Client, bob.UserId, "609.9725");

        var outbox = await admin.GetAsync("/admin/api/v1/outbox");
        Assert.True(outbox.Status == HttpStatusCode.OK, $"outbox overview: {outbox}");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/admin/api/v1/outbox/{Guid.NewGuid()}/retry")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/admin/api/v1/outbox/{answers[0]["commandId"]}/retry")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.Client.GetAsync("/admin/api/v1/outbox")).Status);

        using var ops = new HttpClient { BaseAddress = _silo.OpsBase };
        var metrics = await ops.GetStringAsync("/metrics");
        foreach (var series in new[] { "outbox_command_queue_depth{", "outbox_command_queue_depth_total", "outbox_commands_finished_total{status=\"committed\"}", "projector_lag_milliseconds", "projector_events_applied", "http_requests_total", "microsoft_orleans" })
        {
            Assert.Contains(series, metrics);
        }
    }

    [Fact]
    public async Task Bad_transfer_input_is_refused_naming_the_field_and_nothing_is_held()
    {
        using var carol = await _journey.RegisterAsync("carol@gx.test", "MY");

        var negative = await carol.Client.PostAsync("/tokenomics/api/v1/transfers", new { toUserId = Guid.NewGuid(), amount = "-5" });
        Assert.Equal(HttpStatusCode.BadRequest, negative.Status);
        Assert.Equal("application/problem+json", negative.ContentType);
        Assert.NotNull(negative.Json["errors"]!["amount"]);

        var overPrecise = await carol.Client.PostAsync("/tokenomics/api/v1/transfers", new { toUserId = Guid.NewGuid(), amount = "1.0000001" });
        Assert.NotNull(overPrecise.Json["errors"]!["amount"]);

        var unknownField = await carol.Client.PostAsync("/tokenomics/api/v1/transfers", new { toUserId = Guid.NewGuid(), amount = "1", balance = "9" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.Status);
        Assert.NotNull(unknownField.Json["errors"]!["balance"]);

        var noKey = await carol.Client.SendAsync(HttpMethod.Post, "/tokenomics/api/v1/transfers", new { toUserId = Guid.NewGuid(), amount = "1" }, withIdempotencyKey: false);
        Assert.Equal(HttpStatusCode.BadRequest, noKey.Status);

        var notActive = await carol.Client.PostAsync("/tokenomics/api/v1/transfers", new { toUserId = Guid.NewGuid(), amount = "1" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notActive.Status);

        var wallet = await carol.Client.GetAsync($"/tokenomics/api/v1/wallets/{carol.UserId}/balance");
        Assert.Equal("0", wallet["pendingHolds"]);

        using var admin = await _journey.LoginAsync(AdminEmail, AdminPassword);
        var nullCountry = await admin.PostAsync("/admin/api/v1/countries/initialize", "[null]");
        Assert.Equal(HttpStatusCode.BadRequest, nullCountry.Status);
        Assert.NotNull(nullCountry.Json["errors"]!["[0]"]);

        using var anonymous = new GxApiClient(_silo.ApiBase);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/tokenomics/api/v1/wallets/{carol.UserId}/balance")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await carol.Client.GetAsync($"/tokenomics/api/v1/wallets/{Guid.NewGuid()}/balance")).Status);
    }
}
