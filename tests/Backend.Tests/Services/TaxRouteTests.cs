using System.Net;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>The tax service's routes on the shared backend: quotes, velocity-tax eligibility and charging, tax accounts.</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
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

        // The sender quotes for herself; the receiver is named by country (another user's id is not hers to quote).
        var quote = await alice.Client.PostAsync($"{Tax}/fees/calculate",
            new { amount, fromUserId = alice.UserId, toCountry = receiverCountry, transactionType = "TRANSFER" });
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
    [InlineData("MY", "MY", "200", "10", "true")]
    [InlineData("MY", "DE", "200", "25", "false")]
    [InlineData("my", "de", "50", "15", "false")]
    public async Task An_anonymous_quote_names_countries(string fromCountry, string toCountry, string amount, string bps, string same)
    {
        using var anonymous = backend.Anonymous();

        var quote = await anonymous.PostAsync($"{Tax}/fees/calculate", new { amount, fromCountry, toCountry, transactionType = "TRANSFER" });

        Assert.True(quote.Status == HttpStatusCode.OK, quote.ToString());
        Assert.Equal((bps, same), (quote["feeBps"], quote["sameCountry"]));
    }

    [Theory]
    [InlineData("fromUserId", "treasury:MY")]
    [InlineData("toUserId", "pool:operationsFund")]
    [InlineData("fromUserId", "pool:charitable")]
    public async Task System_accounts_are_not_quoted_to_anyone(string field, string account)
    {
        using var anonymous = backend.Anonymous();
        var body = new Dictionary<string, string> { ["amount"] = "200", ["transactionType"] = "TRANSFER", [field] = account };

        foreach (var client in new[] { anonymous, backend.SuperAdmin })
        {
            var refused = await client.PostAsync($"{Tax}/fees/calculate", body);
            Assert.True(refused.Status == HttpStatusCode.BadRequest, refused.ToString());
            Assert.Equal("application/problem+json", refused.ContentType);
            Assert.True(refused.Json["errors"]?[field] is not null, $"no error for '{field}' in {refused}");
        }
    }

    [Fact]
    public async Task An_anonymous_caller_cannot_tell_whether_an_account_exists()
    {
        using var alice = await backend.NewActiveUserAsync("MY");
        using var anonymous = backend.Anonymous();

        var answers = new List<ApiResponse>();
        foreach (var id in new[] { alice.UserId, Guid.NewGuid().ToString(), "no-such-org" })
        {
            answers.Add(await anonymous.PostAsync($"{Tax}/fees/calculate", new { amount = "200", fromUserId = id, toCountry = "DE", transactionType = "TRANSFER" }));
            answers.Add(await anonymous.PostAsync($"{Tax}/fees/calculate", new { amount = "200", fromCountry = "DE", toUserId = id, transactionType = "TRANSFER" }));
        }

        Assert.All(answers, answer => Assert.True(answer.Status == HttpStatusCode.Unauthorized, answer.ToString()));
        Assert.Single(answers.Select(answer => (answer["code"], answer["detail"], answer.Body.Contains("sameCountry"))).Distinct());
    }

    [Fact]
    public async Task A_user_quotes_for_herself_and_her_organizations_and_foreign_accounts_look_nonexistent()
    {
        using var alice = await backend.NewActiveUserAsync("MY");
        using var bob = await backend.NewActiveUserAsync("DE");
        using var carol = await backend.NewActiveUserAsync("MY");
        var orgId = await OrganizationTestSteps.ActiveOrganizationAsync(alice, carol);
        var path = $"{Tax}/fees/calculate";

        var own = await alice.Client.PostAsync(path, new { amount = "200", fromUserId = alice.UserId, toCountry = "DE", transactionType = "TRANSFER" });
        Assert.True(own.Status == HttpStatusCode.OK, own.ToString());
        Assert.Equal(("25", "false", "0.25"), (own["feeBps"], own["sameCountry"], own["feeFromSender"]));
        var organization = await carol.Client.PostAsync(path, new { amount = "200", fromUserId = orgId, toCountry = "MY", transactionType = "TRANSFER" });
        Assert.True(organization.Status == HttpStatusCode.OK, organization.ToString());
        // An organization on the sending side pays the whole fee.
        Assert.Equal(("0.2", "0"), (organization["feeFromSender"], organization["feeFromReceiver"]));

        var hidden = new List<ApiResponse>
        {
            await bob.Client.PostAsync(path, new { amount = "200", fromUserId = alice.UserId, toCountry = "DE", transactionType = "TRANSFER" }),
            await bob.Client.PostAsync(path, new { amount = "200", fromUserId = bob.UserId, toUserId = alice.UserId, transactionType = "TRANSFER" }),
            await bob.Client.PostAsync(path, new { amount = "200", fromUserId = Guid.NewGuid().ToString(), toCountry = "DE", transactionType = "TRANSFER" }),
            await bob.Client.PostAsync(path, new { amount = "200", fromUserId = orgId, toCountry = "DE", transactionType = "TRANSFER" }),
            await bob.Client.PostAsync(path, new { amount = "200", fromUserId = "no-such-org", toCountry = "DE", transactionType = "TRANSFER" }),
        };
        Assert.All(hidden, answer => Assert.True(answer.Status == HttpStatusCode.NotFound, answer.ToString()));
        Assert.Single(hidden.Select(answer => (answer["code"], answer["detail"])).Distinct());
        // An admin may quote for anyone, and learns of a nonexistent account only what a 404 says.
        Assert.Equal(HttpStatusCode.OK, (await backend.SuperAdmin.PostAsync(path, new { amount = "200", fromUserId = alice.UserId, toUserId = bob.UserId, transactionType = "TRANSFER" })).Status);
        var none = await backend.SuperAdmin.PostAsync(path, new { amount = "200", fromUserId = Guid.NewGuid().ToString(), toCountry = "DE", transactionType = "TRANSFER" });
        Assert.Equal((HttpStatusCode.NotFound, hidden[0]["detail"]), (none.Status, none["detail"]));
    }

    [Theory]
    [InlineData("{\"amount\":\"10\",\"transactionType\":\"GIFT\"}", "transactionType")]
    [InlineData("{\"amount\":\"10\"}", "transactionType")]
    [InlineData("{\"amount\":\"-1\",\"transactionType\":\"TRANSFER\"}", "amount")]
    [InlineData("{\"amount\":\"0.0000001\",\"transactionType\":\"TRANSFER\"}", "amount")]
    [InlineData("{\"amount\":\"10\",\"transactionType\":\"TRANSFER\",\"fromUserId\":\"no spaces allowed\"}", "fromUserId")]
    [InlineData("{\"amount\":\"10\",\"transactionType\":\"TRANSFER\",\"fromCountry\":\"XX1\"}", "fromCountry")]
    [InlineData("{\"amount\":\"10\",\"transactionType\":\"TRANSFER\",\"toCountry\":\"ZZ\"}", "toCountry")]
    [InlineData("{\"amount\":\"10\",\"transactionType\":\"TRANSFER\",\"toUserId\":\"org-a\",\"toCountry\":\"MY\"}", "toCountry")]
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
