using System.Net;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>The tax service's routes on the shared backend: quotes, velocity-tax eligibility and charging, tax accounts.</summary>
[Collection(ServicesCollection.Name)]
public sealed class TaxRouteTests(ServicesBackend backend)
{
    private const string Tax = "/tax/api/v1";

    [Theory]
    [InlineData("MY", "200", "10", "0.1", "0.1")]
    [InlineData("DE", "200", "25", "0.25", "0.25")]
    [InlineData("MY", "50", "5", "0.0125", "0.0125")]
    public async Task A_quote_is_the_fee_a_real_transfer_then_pays(string receiverCountry, string amount, string bps, string fromSender, string fromReceiver)
    {
        using var alice = await backend.NewActiveUserAsync("MY");
        using var bob = await backend.NewActiveUserAsync(receiverCountry);
        using var anonymous = backend.Anonymous();

        var quote = await anonymous.PostAsync($"{Tax}/fees/calculate",
            new { amount, fromUserId = alice.UserId, toUserId = bob.UserId, transactionType = "TRANSFER" });
        Assert.True(quote.Status == HttpStatusCode.OK, quote.ToString());
        Assert.Equal(bps, quote["feeBps"]);
        Assert.Equal(fromSender, quote["feeFromSender"]);
        Assert.Equal(fromReceiver, quote["feeFromReceiver"]);
        Assert.Equal(receiverCountry == "MY" ? "true" : "false", quote["sameCountry"]);

        var transfer = await alice.Client.PostAsync("/tokenomics/api/v1/transfers", new { toUserId = bob.UserId, amount }, preferWait: 20);
        Assert.True(transfer.Status == HttpStatusCode.OK && transfer["status"] == "COMMITTED", transfer.ToString());

        // What the ledger charged, seen three ways: both balances and both tax accounts.
        var senderAfter = 500m - decimal.Parse(amount) - decimal.Parse(fromSender);
        var receiverAfter = 500m + decimal.Parse(amount) - decimal.Parse(fromReceiver);
        await JourneyDriver.WaitForBalanceAsync(alice.Client, alice.UserId, senderAfter.ToString("0.######"));
        await JourneyDriver.WaitForBalanceAsync(bob.Client, bob.UserId, receiverAfter.ToString("0.######"));
        var senderAccount = await Eventually.MatchesAsync(() => alice.Client.GetAsync($"{Tax}/accounts/{alice.UserId}"),
            r => r.Status == HttpStatusCode.OK && r["feesPaid"] == fromSender, "the sender's tax account to show its fee");
        Assert.Equal("TRANSFER_FEE", senderAccount.Json["history"]![0]!["kind"]!.ToString());
        Assert.Equal(bob.UserId, senderAccount.Json["history"]![0]!["counterparty"]!.ToString());
        Assert.NotNull(senderAccount.Json["lastOutgoingAt"]);
        await Eventually.MatchesAsync(() => bob.Client.GetAsync($"{Tax}/accounts/{bob.UserId}"),
            r => r.Status == HttpStatusCode.OK && r["feesPaid"] == fromReceiver, "the receiver's tax account to show its fee");
    }

    [Fact]
    public async Task A_quote_without_accounts_follows_the_transaction_type()
    {
        using var anonymous = backend.Anonymous();

        var person = await anonymous.PostAsync($"{Tax}/fees/calculate", new { amount = "1000", transactionType = "transfer" });
        var organization = await anonymous.PostAsync($"{Tax}/fees/calculate", new { amount = "1000", transactionType = "ORGANIZATION" });
        var system = await anonymous.PostAsync($"{Tax}/fees/calculate", new { amount = "1000", transactionType = "SYSTEM" });

        Assert.True(person.Status == HttpStatusCode.OK, person.ToString());
        Assert.Equal("1", person["fee"]);
        Assert.Equal("0.5", person["feeFromReceiver"]);
        Assert.Equal("1000.5", person["senderDebit"]);
        Assert.Equal("1", organization["feeFromSender"]);
        Assert.Equal("0", organization["feeFromReceiver"]);
        Assert.Equal("0", system["fee"]);
    }

    [Theory]
    [InlineData("{\"amount\":\"10\",\"transactionType\":\"GIFT\"}", "transactionType")]
    [InlineData("{\"amount\":\"10\"}", "transactionType")]
    [InlineData("{\"amount\":\"-1\",\"transactionType\":\"TRANSFER\"}", "amount")]
    [InlineData("{\"amount\":\"0.0000001\",\"transactionType\":\"TRANSFER\"}", "amount")]
    [InlineData("{\"amount\":\"10\",\"transactionType\":\"TRANSFER\",\"fromUserId\":\"no spaces allowed\"}", "fromUserId")]
    public async Task A_malformed_quote_request_names_the_field(string body, string field)
    {
        using var anonymous = backend.Anonymous();

        var bad = await anonymous.PostAsync($"{Tax}/fees/calculate", body);

        Assert.True(bad.Status == HttpStatusCode.BadRequest, bad.ToString());
        Assert.Contains(field, bad.Json["errors"]!.AsObject().Select(e => e.Key), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Eligibility_is_served_to_the_owner_and_admins_and_hidden_from_others()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();
        var path = $"{Tax}/velocity-tax/eligibility/{alice.UserId}";

        var own = await alice.Client.GetAsync(path);
        Assert.True(own.Status == HttpStatusCode.OK, own.ToString());
        Assert.Equal("false", own["eligible"]);
        Assert.Equal("500", own["balance"]);
        Assert.Equal("0", own["daysSinceLastOutgoing"]);
        Assert.Equal("250", own["rateBps"]);
        Assert.Equal("2.5%", own["rate"]);
        Assert.Equal("360", own["periodDays"]);
        Assert.Equal(HttpStatusCode.OK, (await backend.SuperAdmin.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.Client.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await backend.SuperAdmin.GetAsync($"{Tax}/velocity-tax/eligibility/no-such-org")).Status);
        var malformed = await backend.SuperAdmin.GetAsync($"{Tax}/velocity-tax/eligibility/bad%20id");
        Assert.True(malformed.Status == HttpStatusCode.BadRequest, malformed.ToString());
        Assert.Contains("accountId", malformed.Body);
    }

    [Fact]
    public async Task Applying_the_velocity_tax_is_for_admins_and_refused_before_it_is_due()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();
        var path = $"{Tax}/velocity-tax/apply";

        var notDue = await backend.SuperAdmin.PostAsync(path, new { accountId = alice.UserId });
        Assert.True(notDue.Status == HttpStatusCode.Conflict, notDue.ToString());
        Assert.Equal("velocity_tax_not_due", notDue["code"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.Client.PostAsync(path, new { accountId = alice.UserId })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(path, new { accountId = alice.UserId })).Status);
        var missing = await backend.SuperAdmin.PostAsync(path, new { });
        Assert.True(missing.Status == HttpStatusCode.BadRequest, missing.ToString());
        Assert.Contains("accountId", missing.Body);
        Assert.Equal(HttpStatusCode.NotFound, (await backend.SuperAdmin.PostAsync(path, new { accountId = "no-such-org" })).Status);
        // Nothing was charged.
        await JourneyDriver.WaitForBalanceAsync(alice.Client, alice.UserId, "500");
    }

    [Fact]
    public async Task A_tax_account_is_served_to_its_owner_and_admins_and_hidden_from_others()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();
        var path = $"{Tax}/accounts/{alice.UserId}";

        var own = await alice.Client.GetAsync(path);
        Assert.True(own.Status == HttpStatusCode.OK, own.ToString());
        Assert.Equal("0", own["feesPaid"]);
        Assert.Equal("0", own["velocityTaxPaid"]);
        Assert.Empty(own.Json["history"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, (await backend.SuperAdmin.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.Client.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.Client.GetAsync($"{Tax}/accounts/some-org")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await backend.SuperAdmin.GetAsync($"{Tax}/accounts/{Guid.NewGuid()}")).Status);
        var malformed = await backend.SuperAdmin.GetAsync($"{Tax}/accounts/treasury:MY");
        Assert.True(malformed.Status == HttpStatusCode.BadRequest, malformed.ToString());
        Assert.Contains("accountId", malformed.Body);
    }
}
