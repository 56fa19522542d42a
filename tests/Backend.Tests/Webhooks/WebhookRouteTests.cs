using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GxProtocol.Backend.Tests.Support;
using static GxProtocol.Backend.Tests.Support.AdminTestSupport;

namespace GxProtocol.Backend.Tests.Webhooks;

/// <summary>
/// Webhooks end to end on the shared backend (whose silo allows 127.0.0.1 over http and retries after 200 ms): a real
/// receiver, real ledger events, signatures checked the way a receiver would check them.
/// </summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class WebhookRouteTests(ServicesBackend backend)
{
    private const string Webhooks = "/admin/api/v1/webhooks";
    private const string Secret = "a receiver's shared secret, long enough";

    [Fact]
    public async Task A_delivery_is_signed_retried_after_a_500_and_recorded_per_attempt_under_one_delivery_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500);
        var endpoint = await RegisterAsync(receiver, "wallet.frozen");
        using var user = await backend.NewActiveUserAsync();

        AssertCommitted(await backend.SuperAdmin.PostAsync($"/tokenomics/api/v1/wallets/{user.UserId}/freeze", new { reason = "webhook test" }, preferWait: 20), "freeze");

        await Eventually.WaitUntilAsync(() => Task.FromResult(receiver.Received.Any(r => r.AnsweredWith == 200)), TimeSpan.FromSeconds(30),
            "the receiver to answer the wallet.frozen delivery with 200 after a 500");
        var received = receiver.Received.ToList();
        Assert.Equal([500, 200], received.Select(r => r.AnsweredWith));
        Assert.Single(received.Select(r => r.Header("X-GX-Delivery")).Distinct());
        foreach (var delivery in received)
        {
            Assert.Equal(ExpectedSignature(delivery.Body), delivery.Header("X-GX-Signature"));
            Assert.Equal("wallet.frozen", delivery.Header("X-GX-Event"));
            Assert.InRange(long.Parse(delivery.Header("X-GX-Timestamp")), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            var body = JsonNode.Parse(delivery.Body)!;
            Assert.Equal(delivery.Header("X-GX-Delivery"), body["id"]!.ToString());
            Assert.Equal(user.UserId, body["data"]!["userId"]!.ToString());
            Assert.Equal("webhook test", body["data"]!["reason"]!.ToString());
        }

        var deliveries = await Eventually.MatchesAsync(() => backend.SuperAdmin.GetAsync($"{Webhooks}/{endpoint}/deliveries"),
            r => r.Status == HttpStatusCode.OK && r.Json["items"]![0]?["status"]?.ToString() == "DELIVERED", "the delivery to be recorded DELIVERED");
        var recorded = Assert.Single(deliveries.Json["items"]!.AsArray())!;
        Assert.Equal(received[0].Header("X-GX-Delivery"), recorded["id"]!.ToString());
        Assert.Equal([500, 200], recorded["attempts"]!.AsArray().Select(a => a!["statusCode"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Large_transfers_and_approvals_are_delivered_and_small_transfers_are_not()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = await RegisterAsync(receiver, "transfer.large_committed", "user.approved");
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        await Eventually.WaitUntilAsync(() => Task.FromResult(receiver.Received.Count(r => r.Header("X-GX-Event") == "user.approved") >= 2),
            TimeSpan.FromSeconds(30), "user.approved deliveries for the two new users");
        // The approved KYC evidence went on chain with the registration, and its hash comes back in the event.
        var kyc = await alice.Client.GetAsync($"/identity/api/v1/users/{alice.UserId}/kyc");
        var approved = JsonNode.Parse(receiver.Received.Single(r => JsonNode.Parse(r.Body)!["data"]!["userId"]!.ToString() == alice.UserId).Body)!;
        Assert.Equal(kyc.Json["evidence"]!["evidenceHash"]!.ToString(), approved["data"]!["kycEvidenceHash"]!.ToString());

        // The backend's threshold is 100 coins.
        AssertCommitted(await alice.Client.PostAsync("/tokenomics/api/v1/transfers", new { toUserId = bob.UserId, amount = "99" }, preferWait: 20), "small transfer");
        AssertCommitted(await alice.Client.PostAsync("/tokenomics/api/v1/transfers", new { toUserId = bob.UserId, amount = "150" }, preferWait: 20), "large transfer");

        var large = await Eventually.MatchesAsync(() => Task.FromResult(receiver.Received.Where(r => r.Header("X-GX-Event") == "transfer.large_committed").ToList()),
            r => r.Count >= 1, "the transfer.large_committed delivery", TimeSpan.FromSeconds(30));
        var body = JsonNode.Parse(Assert.Single(large).Body)!;
        Assert.Equal("150", body["data"]!["amount"]!.ToString());
        Assert.Equal(alice.UserId, body["data"]!["from"]!.ToString());
        var deliveries = await backend.SuperAdmin.GetAsync($"{Webhooks}/{endpoint}/deliveries?limit=100");
        Assert.Single(deliveries.Json["items"]!.AsArray(), d => d!["eventType"]!.ToString() == "transfer.large_committed");
    }

    [Fact]
    public async Task Registration_checks_url_allow_list_events_and_secret_and_never_shows_the_secret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var url = receiver.Url.ToString();
        AssertProblem(await Register(new { url = "http://10.0.0.1/hook", events = new[] { "wallet.frozen" }, secret = Secret }), HttpStatusCode.BadRequest, field: "url");
        AssertProblem(await Register(new { url = url.Replace("127.0.0.1", "localhost"), events = new[] { "wallet.frozen" }, secret = Secret }), HttpStatusCode.BadRequest, field: "url");
        AssertProblem(await Register(new { url = "ftp://127.0.0.1/hook", events = new[] { "wallet.frozen" }, secret = Secret }), HttpStatusCode.BadRequest, field: "url");
        AssertProblem(await Register(new { url = "not a url", events = new[] { "wallet.frozen" }, secret = Secret }), HttpStatusCode.BadRequest, field: "url");
        AssertProblem(await Register(new { url, events = new[] { "wallet.melted" }, secret = Secret }), HttpStatusCode.BadRequest, field: "events[0]");
        AssertProblem(await Register(new { url, events = Array.Empty<string>(), secret = Secret }), HttpStatusCode.BadRequest, field: "events");
        AssertProblem(await Register(new { url, events = new[] { "wallet.frozen" }, secret = "short" }), HttpStatusCode.BadRequest, field: "secret");
        Assert.DoesNotContain((await backend.SuperAdmin.GetAsync(Webhooks)).Json.AsArray(), e => e!["url"]!.ToString().Contains("10.0.0.1"));

        var created = await Register(new { url, events = new[] { "wallet.frozen" }, secret = Secret });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.DoesNotContain(Secret, created.Body);
        Assert.Equal(Secret[^4..], created["secretHint"]);
        var listed = await backend.SuperAdmin.GetAsync(Webhooks);
        Assert.DoesNotContain(Secret, listed.Body);
        Assert.Contains(listed.Json.AsArray(), e => e!["id"]!.ToString() == created["id"]);
    }

    [Fact]
    public async Task Only_super_admins_reach_webhooks_and_unknown_endpoints_are_404()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = await RegisterAsync(receiver, "proposal.executed");
        using var admin = await NewAdminAsync(backend);
        using var user = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();
        foreach (var path in new[] { Webhooks, $"{Webhooks}/{endpoint}", $"{Webhooks}/{endpoint}/deliveries" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await admin.Client.GetAsync(path)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.GetAsync(path)).Status);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).Status);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Client.SendAsync(HttpMethod.Delete, $"{Webhooks}/{endpoint}")).Status);

        var unknown = Guid.NewGuid();
        AssertProblem(await backend.SuperAdmin.GetAsync($"{Webhooks}/{unknown}"), HttpStatusCode.NotFound);
        AssertProblem(await backend.SuperAdmin.GetAsync($"{Webhooks}/{unknown}/deliveries"), HttpStatusCode.NotFound);
        AssertProblem(await backend.SuperAdmin.SendAsync(HttpMethod.Delete, $"{Webhooks}/{unknown}"), HttpStatusCode.NotFound);
        AssertProblem(await backend.SuperAdmin.GetAsync($"{Webhooks}/{endpoint}/deliveries?cursor=abc"), HttpStatusCode.BadRequest, field: "cursor");

        Assert.Equal(HttpStatusCode.NoContent, (await backend.SuperAdmin.SendAsync(HttpMethod.Delete, $"{Webhooks}/{endpoint}")).Status);
        AssertProblem(await backend.SuperAdmin.GetAsync($"{Webhooks}/{endpoint}"), HttpStatusCode.NotFound);
    }

    private static string ExpectedSignature(string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body)));

    private Task<ApiResponse> Register(object body) => backend.SuperAdmin.PostAsync(Webhooks, body);

    private async Task<string> RegisterAsync(WebhookReceiver receiver, params string[] events)
    {
        var created = await Register(new { url = receiver.Url.ToString(), events, secret = Secret });
        Assert.True(created.Status == HttpStatusCode.Created, $"Registering the webhook answered {created}");
        return created["id"];
    }
}
