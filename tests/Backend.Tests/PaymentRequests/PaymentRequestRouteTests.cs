using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using GxProtocol.Backend.Tests.Support;
using static GxProtocol.Backend.Tests.Support.AdminTestSupport;

namespace GxProtocol.Backend.Tests.PaymentRequests;

/// <summary>
/// QR payment requests over HTTP on the shared embedded backend (real silo process, in-process DevLedger): creation,
/// payment as an ordinary transfer down to both balances, at most one payment, expiry, cancellation, signed payloads,
/// and the QR image read back with a QR decoder.
/// </summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed partial class PaymentRequestRouteTests(ServicesBackend backend)
{
    private const string Requests = "/tokenomics/api/v1/payment-requests";

    [Fact]
    public async Task A_request_paid_through_the_API_moves_both_balances_like_a_transfer()
    {
        using var payee = await backend.NewActiveUserAsync();
        using var payer = await backend.NewActiveUserAsync();
        await JourneyDriver.WaitForBalanceAsync(payee.Client, payee.UserId, "500");
        await JourneyDriver.WaitForBalanceAsync(payer.Client, payer.UserId, "500");

        var created = await payee.Client.PostAsync(Requests, new { amount = "100", remark = "lunch", expiresInSeconds = 300 });
        Assert.True(created.Status == HttpStatusCode.Created, created.ToString());
        var code = created["code"];
        Assert.Matches(CodeShape(), code);
        Assert.Equal($"{Requests}/{code}", created.Location);
        Assert.Equal("OPEN", created["status"]);
        Assert.Equal("100", created["amount"]);
        Assert.InRange(DateTimeOffset.Parse(created["expiresAt"]) - DateTimeOffset.Parse(created["createdAt"]), TimeSpan.FromSeconds(299), TimeSpan.FromSeconds(300));
        var payload = created["qrPayload"];
        Assert.StartsWith($"GXPAY1.{code}.100000000.", payload);

        // The payer, holding only the code, sees what they would pay and to whom, but not the payee's id or payload.
        var seen = await payer.Client.GetAsync($"{Requests}/{code}");
        Assert.True(seen.Status == HttpStatusCode.OK, seen.ToString());
        Assert.Equal("100", seen["amount"]);
        Assert.Equal("lunch", seen["remark"]);
        Assert.Equal("OPEN", seen["status"]);
        Assert.Equal(created["payeeDisplayName"], seen["payeeDisplayName"]);
        Assert.False(string.IsNullOrWhiteSpace(seen["payeeDisplayName"]));
        Assert.Equal(created["expiresAt"], seen["expiresAt"]);
        Assert.Null(seen.Json["payeeId"]);
        Assert.Null(seen.Json["qrPayload"]);

        var paid = await payer.Client.PostAsync($"{Requests}/{code}/pay", new { qrPayload = payload }, preferWait: 20);
        AssertCommitted(paid, "pay");
        Assert.Equal("TokenomicsContract:TransferWithFees", paid["transactionName"]);

        // Same country, 100 coins: 5 bps = 0.05 coins, split 50/50 as for any transfer between people.
        await JourneyDriver.WaitForBalanceAsync(payer.Client, payer.UserId, "399.975");
        await JourneyDriver.WaitForBalanceAsync(payee.Client, payee.UserId, "599.975");
        var payerLine = (await payer.Client.GetAsync($"/tokenomics/api/v1/wallets/{payer.UserId}/transactions")).Json["items"]![0]!;
        Assert.Equal("TRANSFER_OUT", payerLine["kind"]!.ToString());
        Assert.Equal("-100.025", payerLine["amount"]!.ToString());
        Assert.Equal("0.025", payerLine["fee"]!.ToString());
        Assert.Equal($"QSend {code}: lunch", payerLine["remark"]!.ToString());
        Assert.Equal("0", (await payer.Client.GetAsync($"/tokenomics/api/v1/wallets/{payer.UserId}/balance"))["pendingHolds"]);

        var afterwards = await payee.Client.GetAsync($"{Requests}/{code}");
        Assert.Equal("PAID", afterwards["status"]);
        Assert.Equal(payer.UserId, afterwards["payerId"]);
        Assert.Equal(paid["commandId"], afterwards["commandId"]);
        var mine = await payee.Client.GetAsync(Requests);
        Assert.True(mine.Status == HttpStatusCode.OK, mine.ToString());
        Assert.Contains(mine.Json["items"]!.AsArray(), item => item!["code"]!.ToString() == code && item["status"]!.ToString() == "PAID");

        using var late = await backend.NewActiveUserAsync();
        AssertProblem(await late.Client.PostAsync($"{Requests}/{code}/pay"), HttpStatusCode.Conflict, "payment_request_paid");
    }

    [Fact]
    public async Task Of_concurrent_payments_exactly_one_goes_through()
    {
        using var payee = await backend.NewActiveUserAsync();
        var payers = new List<RegisteredUser>();
        for (var i = 0; i < 4; i++)
        {
            payers.Add(await backend.NewActiveUserAsync());
        }
        try
        {
            var code = (await payee.Client.PostAsync(Requests, new { amount = "50" }))["code"];

            var answers = await Task.WhenAll(payers.Select(p => p.Client.PostAsync($"{Requests}/{code}/pay", preferWait: 20)));

            var winners = answers.Where(a => a.Status is HttpStatusCode.OK or HttpStatusCode.Accepted).ToList();
            Assert.True(winners.Count == 1, string.Join("\n", answers.Select(a => a.ToString())));
            Assert.All(answers.Except(winners), a => AssertProblem(a, HttpStatusCode.Conflict));
            Assert.All(answers.Except(winners), a => Assert.Contains(a["code"], new[] { "payment_request_paying", "payment_request_paid" }));
            var winner = payers[Array.IndexOf(answers, winners[0])];
            await Eventually.MatchesAsync(() => payee.Client.GetAsync($"{Requests}/{code}"), r => r["status"] == "PAID", "the request to be paid");
            Assert.Equal(winner.UserId, (await payee.Client.GetAsync($"{Requests}/{code}"))["payerId"]);

            // 50 coins: 5 bps = 0.025 coins, half each. Only the winner paid; the others still hold their genesis.
            await JourneyDriver.WaitForBalanceAsync(payee.Client, payee.UserId, "549.9875");
            await JourneyDriver.WaitForBalanceAsync(winner.Client, winner.UserId, "449.9875");
            foreach (var loser in payers.Where(p => p != winner))
            {
                var wallet = await loser.Client.GetAsync($"/tokenomics/api/v1/wallets/{loser.UserId}/balance");
                Assert.Equal("500", wallet["balance"]);
                Assert.Equal("0", wallet["pendingHolds"]);
            }
        }
        finally
        {
            payers.ForEach(p => p.Dispose());
        }
    }

    [Fact]
    public async Task A_request_expires_on_time_and_cannot_be_paid_afterwards()
    {
        using var payee = await backend.NewActiveUserAsync();
        using var payer = await backend.NewActiveUserAsync();
        var created = await payee.Client.PostAsync(Requests, new { amount = "5", expiresInSeconds = 60 });
        var code = created["code"];
        var expiresAt = DateTimeOffset.Parse(created["expiresAt"]);

        var expired = await Eventually.MatchesAsync(() => payee.Client.GetAsync($"{Requests}/{code}"), r => r["status"] == "EXPIRED",
            "the 60 s request to show EXPIRED", TimeSpan.FromSeconds(120));
        Assert.True(DateTimeOffset.UtcNow >= expiresAt, $"EXPIRED before its expiry {expiresAt:O}: {expired}");

        AssertProblem(await payer.Client.PostAsync($"{Requests}/{code}/pay", new { qrPayload = created["qrPayload"] }), HttpStatusCode.Conflict, "payment_request_expired");
        AssertProblem(await payee.Client.PostAsync($"{Requests}/{code}/cancel"), HttpStatusCode.Conflict, "payment_request_not_open");
        var wallet = await payer.Client.GetAsync($"/tokenomics/api/v1/wallets/{payer.UserId}/balance");
        Assert.Equal("500", wallet["balance"]);
        Assert.Equal("0", wallet["pendingHolds"]);
    }

    [Fact]
    public async Task Only_the_payee_lists_cancels_and_draws_a_request_and_a_cancelled_one_cannot_be_paid()
    {
        using var payee = await backend.NewActiveUserAsync();
        using var stranger = await backend.NewActiveUserAsync();
        var code = (await payee.Client.PostAsync(Requests, new { amount = "5" }))["code"];

        AssertProblem(await stranger.Client.PostAsync($"{Requests}/{code}/cancel"), HttpStatusCode.NotFound);
        AssertProblem(await stranger.Client.GetAsync($"{Requests}/{code}/qr.png"), HttpStatusCode.NotFound);
        Assert.DoesNotContain(code, (await stranger.Client.GetAsync(Requests)).Body);
        Assert.Equal("OPEN", (await payee.Client.GetAsync($"{Requests}/{code}"))["status"]);

        var cancelled = await payee.Client.PostAsync($"{Requests}/{code}/cancel");
        Assert.True(cancelled.Status == HttpStatusCode.OK, cancelled.ToString());
        Assert.Equal("CANCELLED", cancelled["status"]);
        AssertProblem(await stranger.Client.PostAsync($"{Requests}/{code}/pay"), HttpStatusCode.Conflict, "payment_request_cancelled");
        AssertProblem(await payee.Client.PostAsync($"{Requests}/{code}/cancel"), HttpStatusCode.Conflict, "payment_request_not_open");
        Assert.Equal("500", (await stranger.Client.GetAsync($"/tokenomics/api/v1/wallets/{stranger.UserId}/balance"))["balance"]);
    }

    [Fact]
    public async Task A_tampered_or_foreign_QR_payload_is_refused_and_changes_nothing()
    {
        using var payee = await backend.NewActiveUserAsync();
        using var payer = await backend.NewActiveUserAsync();
        var created = await payee.Client.PostAsync(Requests, new { amount = "100" });
        var code = created["code"];
        var payload = created["qrPayload"];
        var other = (await payee.Client.PostAsync(Requests, new { amount = "100" }))["qrPayload"];

        var cheaper = payload.Replace($"{code}.100000000.", $"{code}.1000000.", StringComparison.Ordinal);
        Assert.NotEqual(payload, cheaper);
        var lastChar = payload[^1];
        var forgedSignature = payload[..^1] + (lastChar == 'A' ? 'B' : 'A');
        foreach (var tampered in new[] { cheaper, forgedSignature, other, "GXPAY1.nonsense" })
        {
            AssertProblem(await payer.Client.PostAsync($"{Requests}/{code}/pay", new { qrPayload = tampered }), HttpStatusCode.BadRequest, field: "qrPayload");
        }

        Assert.Equal("OPEN", (await payee.Client.GetAsync($"{Requests}/{code}"))["status"]);
        var wallet = await payer.Client.GetAsync($"/tokenomics/api/v1/wallets/{payer.UserId}/balance");
        Assert.Equal("500", wallet["balance"]);
        Assert.Equal("0", wallet["pendingHolds"]);
    }

    [Fact]
    public async Task A_payee_cannot_pay_their_own_request()
    {
        using var payee = await backend.NewActiveUserAsync();
        var created = await payee.Client.PostAsync(Requests, new { amount = "5" });

        AssertProblem(await payee.Client.PostAsync($"{Requests}/{created["code"]}/pay", new { qrPayload = created["qrPayload"] }),
            HttpStatusCode.UnprocessableEntity, "own_payment_request");
        Assert.Equal("OPEN", (await payee.Client.GetAsync($"{Requests}/{created["code"]}"))["status"]);
        Assert.Equal("0", (await payee.Client.GetAsync($"/tokenomics/api/v1/wallets/{payee.UserId}/balance"))["pendingHolds"]);
    }

    [Theory]
    [InlineData("{\"amount\":\"0\"}", "amount")]
    [InlineData("{\"amount\":\"1.0000001\"}", "amount")]
    [InlineData("{\"amount\":\"-5\"}", "amount")]
    [InlineData("{\"remark\":\"no amount\"}", "amount")]
    [InlineData("{\"amount\":\"5\",\"expiresInSeconds\":59}", "expiresInSeconds")]
    [InlineData("{\"amount\":\"5\",\"expiresInSeconds\":601}", "expiresInSeconds")]
    [InlineData("{\"amount\":\"5\",\"expiresInSeconds\":\"soon\"}", "expiresInSeconds")]
    public async Task A_malformed_request_is_refused_naming_the_field_and_creates_nothing(string body, string field)
    {
        using var payee = await backend.NewActiveUserAsync();

        AssertProblem(await payee.Client.SendAsync(HttpMethod.Post, Requests, body), HttpStatusCode.BadRequest, field: field);
        Assert.Empty((await payee.Client.GetAsync(Requests)).Json["items"]!.AsArray());
    }

    [Fact]
    public async Task Bad_remarks_pages_payloads_and_codes_get_4xx_naming_the_field()
    {
        using var payee = await backend.NewActiveUserAsync();
        using var payer = await backend.NewActiveUserAsync();
        AssertProblem(await payee.Client.PostAsync(Requests, new { amount = "5", remark = new string('r', 201) }), HttpStatusCode.BadRequest, field: "remark");
        AssertProblem(await payee.Client.GetAsync($"{Requests}?limit=0"), HttpStatusCode.BadRequest, field: "limit");
        AssertProblem(await payee.Client.GetAsync($"{Requests}?cursor=abc"), HttpStatusCode.BadRequest, field: "cursor");
        var code = (await payee.Client.PostAsync(Requests, new { amount = "5" }))["code"];
        AssertProblem(await payer.Client.PostAsync($"{Requests}/{code}/pay", new { qrPayload = new string('x', 600) }), HttpStatusCode.BadRequest, field: "qrPayload");
        AssertProblem(await payer.Client.GetAsync($"{Requests}/QS-AAAAAAAA"), HttpStatusCode.NotFound);
        AssertProblem(await payer.Client.GetAsync($"{Requests}/not-a-code"), HttpStatusCode.NotFound);
        AssertProblem(await payer.Client.PostAsync($"{Requests}/QS-34679ACD/pay"), HttpStatusCode.NotFound);
        // A code typed in lower case still finds the request.
        Assert.Equal(code, (await payer.Client.GetAsync($"{Requests}/{code.ToLowerInvariant()}"))["code"]);
        Assert.Equal("OPEN", (await payee.Client.GetAsync($"{Requests}/{code}"))["status"]);
    }

    [Fact]
    public async Task The_list_pages_newest_first_with_a_cursor()
    {
        using var payee = await backend.NewActiveUserAsync();
        var codes = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            codes.Add((await payee.Client.PostAsync(Requests, new { amount = $"{i}" }))["code"]);
        }

        var first = await payee.Client.GetAsync($"{Requests}?limit=2");
        Assert.Equal(new[] { codes[2], codes[1] }, first.Json["items"]!.AsArray().Select(i => i!["code"]!.ToString()));
        var second = await payee.Client.GetAsync($"{Requests}?limit=2&cursor={first["nextCursor"]}");
        Assert.Equal(new[] { codes[0] }, second.Json["items"]!.AsArray().Select(i => i!["code"]!.ToString()));
        Assert.Null(second.Json["nextCursor"]);
    }

    [Fact]
    public async Task The_QR_image_decodes_to_the_signed_payload_which_pays_the_request()
    {
        using var payee = await backend.NewActiveUserAsync();
        using var payer = await backend.NewActiveUserAsync();
        var created = await payee.Client.PostAsync(Requests, new { amount = "2.5" });
        var code = created["code"];

        using var http = new HttpClient { BaseAddress = backend.ApiBase };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Requests}/{code}/qr.png");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", payee.Client.AccessToken);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();

        var decoded = QrImage.Decode(png);

        Assert.Equal(created["qrPayload"], decoded);
        AssertCommitted(await payer.Client.PostAsync($"{Requests}/{code}/pay", new { qrPayload = decoded }, preferWait: 20), "pay with the scanned payload");
    }

    [GeneratedRegex("^QS-[34679ACDEFGHJKMNPQRTUVWXY]{8}$")]
    private static partial Regex CodeShape();
}
