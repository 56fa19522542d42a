using System.Net;
using GxProtocol.Backend.Tests.Support;
using static GxProtocol.Backend.Tests.Support.AdminTestSupport;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>The tokenomics routes on the shared backend: balances, transfers, genesis, freezing, treasuries.</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class TokenomicsRouteTests(ServicesBackend backend)
{
    [Fact]
    public async Task A_balance_is_served_to_its_owner_and_hidden_from_others_and_strangers()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();
        var path = $"/tokenomics/api/v1/wallets/{alice.UserId}/balance";

        var own = await JourneyDriver.WaitForBalanceAsync(alice.Client, alice.UserId, "500");
        Assert.Equal("500", own["available"]);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.Client.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.OK, (await backend.SuperAdmin.GetAsync(path)).Status);
    }

    [Fact]
    public async Task A_transfer_with_a_malformed_amount_names_the_field()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();

        var bad = await alice.Client.PostAsync("/tokenomics/api/v1/transfers", new { toUserId = bob.UserId, amount = "1.0000001" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("amount", bad.Body);
    }

    private const string Tokenomics = "/tokenomics/api/v1";

    [Fact]
    public async Task Genesis_is_paid_once_to_an_active_user_who_did_not_get_it_at_registration()
    {
        // A country whose share gives no genesis slot in any phase: its users register with genesis 0. Raising the
        // share afterwards (InitializeCountryData updates it) opens slots, so DistributeGenesis can pay the user later.
        await InitializeAsync("IS", "Iceland", 0.00000001m);
        using var late = await backend.NewActiveUserAsync("IS");
        using var paid = await backend.NewActiveUserAsync();
        using var registered = await backend.NewRegisteredUserAsync();
        using var anonymous = backend.Anonymous();
        Assert.Equal("0", (await late.Client.GetAsync($"{Tokenomics}/wallets/{late.UserId}/balance"))["balance"]);
        await InitializeAsync("IS", "Iceland", 1);

        Assert.Equal(HttpStatusCode.Forbidden, (await late.Client.PostAsync($"{Tokenomics}/genesis", new { userId = late.UserId })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"{Tokenomics}/genesis", new { userId = late.UserId })).Status);
        AssertProblem(await backend.SuperAdmin.PostAsync($"{Tokenomics}/genesis", new { userId = Guid.Empty }), HttpStatusCode.BadRequest, field: "userId");
        AssertProblem(await backend.SuperAdmin.PostAsync($"{Tokenomics}/genesis", new { userId = Guid.NewGuid() }), HttpStatusCode.NotFound);
        AssertProblem(await backend.SuperAdmin.PostAsync($"{Tokenomics}/genesis", new { userId = registered.UserId }), HttpStatusCode.Conflict, "user_not_active");
        AssertProblem(await backend.SuperAdmin.PostAsync($"{Tokenomics}/genesis", new { userId = paid.UserId }), HttpStatusCode.Conflict, "genesis_already_received");

        var genesis = await backend.SuperAdmin.PostAsync($"{Tokenomics}/genesis", new { userId = late.UserId }, preferWait: 20);
        AssertCommitted(genesis, "genesis");
        Assert.Equal("TokenomicsContract:DistributeGenesis", genesis["transactionName"]);
        await JourneyDriver.WaitForBalanceAsync(late.Client, late.UserId, "500");
        AssertProblem(await backend.SuperAdmin.PostAsync($"{Tokenomics}/genesis", new { userId = late.UserId }), HttpStatusCode.Conflict, "genesis_already_received");
    }

    [Fact]
    public async Task A_frozen_wallet_cannot_send_until_it_is_unfrozen()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();
        var freeze = $"{Tokenomics}/wallets/{alice.UserId}/freeze";
        var unfreeze = $"{Tokenomics}/wallets/{alice.UserId}/unfreeze";
        var transfer = new { toUserId = bob.UserId, amount = "10" };

        Assert.Equal(HttpStatusCode.Forbidden, (await bob.Client.PostAsync(freeze, new { reason = "x" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.Client.PostAsync(unfreeze)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(freeze, new { reason = "x" })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(unfreeze)).Status);
        AssertProblem(await backend.SuperAdmin.PostAsync(freeze, new { reason = " " }), HttpStatusCode.BadRequest, field: "reason");
        AssertProblem(await backend.SuperAdmin.PostAsync($"{Tokenomics}/wallets/{Guid.NewGuid()}/freeze", new { reason = "x" }), HttpStatusCode.NotFound);
        AssertProblem(await backend.SuperAdmin.PostAsync(unfreeze), HttpStatusCode.Conflict, "not_frozen");

        AssertCommitted(await backend.SuperAdmin.PostAsync(freeze, new { reason = "suspicious activity" }, preferWait: 20), "freeze");
        await Eventually.MatchesAsync(() => alice.Client.GetAsync($"{Tokenomics}/wallets/{alice.UserId}/balance"),
            r => r.Status == HttpStatusCode.OK && r.Json["frozen"]?.GetValue<bool>() == true, "the balance to show the wallet frozen");
        AssertProblem(await backend.SuperAdmin.PostAsync(freeze, new { reason = "again" }), HttpStatusCode.Conflict, "already_frozen");
        AssertProblem(await alice.Client.PostAsync($"{Tokenomics}/transfers", transfer), HttpStatusCode.UnprocessableEntity, "wallet_frozen");

        AssertCommitted(await backend.SuperAdmin.PostAsync(unfreeze, preferWait: 20), "unfreeze");
        await Eventually.MatchesAsync(() => alice.Client.GetAsync($"{Tokenomics}/wallets/{alice.UserId}/balance"),
            r => r.Status == HttpStatusCode.OK && r.Json["frozen"]?.GetValue<bool>() == false, "the balance to show the wallet unfrozen");
        AssertCommitted(await alice.Client.PostAsync($"{Tokenomics}/transfers", transfer, preferWait: 20), "transfer after unfreeze");
    }

    [Fact]
    public async Task A_treasury_balance_is_public_and_unknown_or_malformed_countries_are_refused()
    {
        using var user = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();

        var treasury = await Eventually.MatchesAsync(() => anonymous.GetAsync($"{Tokenomics}/treasury/MY/balance"),
            r => r.Status == HttpStatusCode.OK && decimal.Parse(r["balance"]) >= 50, "the MY treasury to hold a genesis share");
        Assert.Equal("MY", treasury["countryCode"]);
        Assert.Equal("treasury:MY", treasury["account"]);
        AssertProblem(await anonymous.GetAsync($"{Tokenomics}/treasury/FJ/balance"), HttpStatusCode.NotFound);
        AssertProblem(await anonymous.GetAsync($"{Tokenomics}/treasury/MYS/balance"), HttpStatusCode.BadRequest, field: "countryCode");
    }

    private async Task InitializeAsync(string code, string name, decimal percentage) =>
        AssertCommitted(await backend.SuperAdmin.PostAsync("/admin/api/v1/countries/initialize",
            new[] { new { code, name, percentage } }, preferWait: 20), $"initialize {code} at {percentage}%");
}
