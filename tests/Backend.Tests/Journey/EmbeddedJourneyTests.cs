using System.Net;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Journey;

/// <summary>
/// The README's journey against the embedded default run as a user runs it: a real silo process, the in-process
/// DevLedger, every layer from HTTP to the ledger and back through the event stream.
/// </summary>
public sealed class EmbeddedJourneyTests : IAsyncLifetime
{
    private const string AdminEmail = "root@gx.test";
    private const string AdminPassword = "correct horse battery staple";
    private SiloProcess _silo = null!;

    public async Task InitializeAsync() => _silo = await SiloProcess.StartAsync(new Dictionary<string, string>
    {
        ["Gx:Bootstrap:SuperAdminEmail"] = AdminEmail,
        ["Gx:Bootstrap:SuperAdminPassword"] = AdminPassword,
    });

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task Genesis_and_a_transfer_travel_through_the_ledger_and_back()
    {
        using var admin = await LoginAsync(AdminEmail, AdminPassword);
        var bootstrap = await admin.PostAsync("/admin/api/v1/bootstrap", preferWait: 20);
        Assert.True(bootstrap.Status == HttpStatusCode.OK, $"bootstrap: {bootstrap}");
        Assert.Equal("COMMITTED", bootstrap["status"]);
        var countries = await admin.PostAsync("/admin/api/v1/countries/initialize",
            new[] { new { code = "MY", name = "Malaysia", percentage = 10 }, new { code = "DE", name = "Germany", percentage = 5 } }, preferWait: 20);
        Assert.True(countries.Status == HttpStatusCode.OK && countries["status"] == "COMMITTED", $"countries: {countries}");

        var (alice, aliceId) = await RegisterActiveUserAsync(admin, "alice@gx.test", "MY");
        var (bob, bobId) = await RegisterActiveUserAsync(admin, "bob@gx.test", "MY");
        using (alice)
        using (bob)
        {
            await WaitForBalanceAsync(alice, aliceId, "500");
            var history = await alice.GetAsync($"/tokenomics/api/v1/wallets/{aliceId}/transactions");
            Assert.Equal("GENESIS", history.Json["items"]![0]!["kind"]!.ToString());

            var transfer = await alice.PostAsync("/tokenomics/api/v1/transfers", new { toUserId = bobId, amount = "100", remark = "rent" });
            Assert.True(transfer.Status == HttpStatusCode.Accepted, $"transfer: {transfer}");
            Assert.Equal($"/identity/api/v1/commands/{transfer["commandId"]}", transfer.Location);

            var committed = await Eventually.MatchesAsync(() => alice.GetAsync(transfer.Location!),
                r => r.Status == HttpStatusCode.OK && r["status"] == "COMMITTED", "the transfer command to commit");
            Assert.NotEmpty(committed["txId"]);
            Assert.True(ulong.Parse(committed["blockNumber"]) > 0);

            // Same country, 100 coins: 5 bps = 0.05 coins, split 50/50.
            await WaitForBalanceAsync(alice, aliceId, "399.975");
            await WaitForBalanceAsync(bob, bobId, "599.975");
            var aliceLines = await alice.GetAsync($"/tokenomics/api/v1/wallets/{aliceId}/transactions");
            var newest = aliceLines.Json["items"]![0]!;
            Assert.Equal("TRANSFER_OUT", newest["kind"]!.ToString());
            Assert.Equal("-100.025", newest["amount"]!.ToString());
            Assert.Equal("0.025", newest["fee"]!.ToString());

            var wallet = await alice.GetAsync($"/tokenomics/api/v1/wallets/{aliceId}/balance");
            Assert.Equal("0", wallet["pendingHolds"]);
        }
    }

    [Fact]
    public async Task Bad_transfer_input_is_refused_naming_the_field_and_nothing_is_held()
    {
        using var admin = await LoginAsync(AdminEmail, AdminPassword);
        using var carol = await RegisterAsync("carol@gx.test", "MY");

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

        var unauthenticated = await new GxApiClient(_silo.ApiBase).GetAsync($"/tokenomics/api/v1/wallets/{carol.UserId}/balance");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.Status);
        var someoneElses = await carol.Client.GetAsync($"/tokenomics/api/v1/wallets/{Guid.NewGuid()}/balance");
        Assert.Equal(HttpStatusCode.NotFound, someoneElses.Status);
    }

    private async Task<(GxApiClient Client, string UserId)> RegisterActiveUserAsync(GxApiClient admin, string email, string country)
    {
        var user = await RegisterAsync(email, country);
        var kyc = await user.Client.PostAsync($"/identity/api/v1/users/{user.UserId}/kyc",
            new { evidenceHash = new string('a', 64), evidenceSize = 2048, evidenceMime = "application/pdf" });
        Assert.True(kyc.Status == HttpStatusCode.OK, $"kyc: {kyc}");
        var approve = await admin.PostAsync($"/admin/api/v1/users/{user.UserId}/approve", preferWait: 20);
        Assert.True(approve.Status == HttpStatusCode.OK && approve["status"] == "COMMITTED", $"approve: {approve}");
        var status = await admin.GetAsync($"/identity/api/v1/commands/{approve["commandId"]}");
        Assert.Equal("COMMITTED", status["status"]);
        await Eventually.MatchesAsync(() => user.Client.GetAsync($"/identity/api/v1/users/{user.UserId}"),
            r => r.Status == HttpStatusCode.OK && r["status"] == "ACTIVE", $"{email} to become ACTIVE");
        return (user.Client, user.UserId);
    }

    private async Task<RegisteredUser> RegisterAsync(string email, string country)
    {
        using var anonymous = new GxApiClient(_silo.ApiBase);
        var registered = await anonymous.PostAsync("/identity/api/v1/users", new
        {
            email, password = "a long enough password", firstName = "Test", lastName = "User",
            nationalityCountryCode = country, dateOfBirth = "1990-04-01",
        });
        Assert.True(registered.Status == HttpStatusCode.Created, $"register {email}: {registered}");
        Assert.Equal("REGISTERED", registered["status"]);
        return new RegisteredUser(await LoginAsync(email, "a long enough password"), registered["userId"]);
    }

    private async Task<GxApiClient> LoginAsync(string email, string password)
    {
        var client = new GxApiClient(_silo.ApiBase);
        var login = await client.PostAsync("/identity/api/v1/auth/login", new { email, password });
        Assert.True(login.Status == HttpStatusCode.OK, $"login {email}: {login}\n{_silo.Output}");
        client.AccessToken = login["accessToken"];
        return client;
    }

    private static Task WaitForBalanceAsync(GxApiClient client, string userId, string balance) =>
        Eventually.MatchesAsync(() => client.GetAsync($"/tokenomics/api/v1/wallets/{userId}/balance"),
            r => r.Status == HttpStatusCode.OK && r["balance"] == balance, $"the balance of {userId} to be {balance}");

    private sealed record RegisteredUser(GxApiClient Client, string UserId) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }
}
