using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using GxProtocol.Backend.Tests.Support;
using static GxProtocol.Backend.Tests.Support.AdminTestSupport;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>The inbox: fed by the ledger's events and by relationships, read and marked by its owner only, streamed live.</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class NotificationRouteTests(ServicesBackend backend)
{
    private const string Notifications = "/identity/api/v1/notifications";

    [Fact]
    public async Task A_transfer_and_genesis_reach_the_inboxes_and_only_the_owner_marks_them_read()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        await Eventually.MatchesAsync(() => KindsAsync(alice), kinds => kinds.Contains("GENESIS_CREDITED"), "Alice's genesis notification");
        AssertCommitted(await alice.Client.PostAsync("/tokenomics/api/v1/transfers", new { toUserId = bob.UserId, amount = "100" }, preferWait: 20), "transfer");

        var received = await Eventually.MatchesAsync(() => bob.Client.GetAsync($"{Notifications}?status=UNREAD"),
            r => r.Json["items"]!.AsArray().Any(n => n!["kind"]!.ToString() == "COINS_RECEIVED"), "Bob's COINS_RECEIVED");
        var coins = received.Json["items"]!.AsArray().First(n => n!["kind"]!.ToString() == "COINS_RECEIVED")!;
        Assert.Equal(("99.975", alice.UserId), (coins["data"]!["amount"]!.ToString(), coins["data"]!["from"]!.ToString()));
        var sent = await Eventually.MatchesAsync(() => alice.Client.GetAsync(Notifications),
            r => r.Json["items"]!.AsArray().Any(n => n!["kind"]!.ToString() == "COINS_SENT"), "Alice's COINS_SENT");
        Assert.Equal(bob.UserId, sent.Json["items"]!.AsArray().First(n => n!["kind"]!.ToString() == "COINS_SENT")!["data"]!["to"]!.ToString());

        var unread = long.Parse((await bob.Client.GetAsync($"{Notifications}/unread-count"))["unread"]);
        Assert.True(unread >= 2, $"Bob has genesis and coins unread, counted {unread}");
        var id = coins["id"]!.ToString();
        AssertProblem(await alice.Client.SendAsync(HttpMethod.Patch, $"{Notifications}/{id}/read"), HttpStatusCode.NotFound);
        Assert.Equal(unread, long.Parse((await bob.Client.GetAsync($"{Notifications}/unread-count"))["unread"]));
        var read = await bob.Client.SendAsync(HttpMethod.Patch, $"{Notifications}/{id}/read");
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.NotEmpty(read["readAt"]);
        Assert.Equal(unread - 1, long.Parse((await bob.Client.GetAsync($"{Notifications}/unread-count"))["unread"]));
        Assert.Contains(id, (await bob.Client.GetAsync($"{Notifications}?status=READ")).Json["items"]!.AsArray().Select(n => n!["id"]!.ToString()));

        var all = await bob.Client.SendAsync(HttpMethod.Patch, $"{Notifications}/read-all");
        Assert.Equal(unread - 1, long.Parse(all["marked"]));
        Assert.Equal("0", (await bob.Client.GetAsync($"{Notifications}/unread-count"))["unread"]);
        Assert.True(long.Parse((await alice.Client.GetAsync($"{Notifications}/unread-count"))["unread"]) >= 2, "Alice's inbox is untouched");
    }

    [Fact]
    public async Task Relationship_invitations_and_answers_are_notified()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        var link = (await alice.Client.PostAsync(RelationshipSteps.Relationships, new { toUserId = bob.UserId, type = "family" }))["relationshipId"];
        var invited = (await bob.Client.GetAsync(Notifications)).Json["items"]!.AsArray().First(n => n!["kind"]!.ToString() == "RELATIONSHIP_INVITED")!;
        Assert.Equal(link, invited["data"]!["relationshipId"]!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await bob.Client.PostAsync($"{RelationshipSteps.Relationships}/{link}/reject")).Status);
        Assert.Contains("RELATIONSHIP_REJECTED", await KindsAsync(alice));
    }

    [Fact]
    public async Task Bad_input_is_a_problem_and_the_inbox_needs_a_token()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();

        AssertProblem(await alice.Client.GetAsync($"{Notifications}?status=NEW"), HttpStatusCode.BadRequest, field: "status");
        AssertProblem(await alice.Client.GetAsync($"{Notifications}?limit=0"), HttpStatusCode.BadRequest, field: "limit");
        AssertProblem(await alice.Client.GetAsync($"{Notifications}?cursor=abc"), HttpStatusCode.BadRequest, field: "cursor");
        AssertProblem(await alice.Client.SendAsync(HttpMethod.Patch, $"{Notifications}/999999999/read"), HttpStatusCode.NotFound);
        AssertProblem(await alice.Client.SendAsync(HttpMethod.Get, $"{Notifications}/stream", headers: new Dictionary<string, string> { ["Last-Event-ID"] = "yesterday" }),
            HttpStatusCode.BadRequest, field: "Last-Event-ID");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Notifications)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Notifications}/stream")).Status);
    }

    [Fact]
    public async Task The_stream_delivers_new_notifications_live_and_resumes_after_Last_Event_ID()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        await Eventually.MatchesAsync(() => KindsAsync(bob), kinds => kinds.Contains("GENESIS_CREDITED"), "Bob's genesis notification");

        string firstId;
        using (var stream = await OpenStreamAsync(bob, lastEventId: null))
        {
            await alice.Client.PostAsync(RelationshipSteps.Relationships, new { toUserId = bob.UserId, type = "friend" });
            var first = await stream.NextAsync();
            Assert.Equal("notification", first.Event);
            Assert.Equal("RELATIONSHIP_INVITED", first.Data["kind"]!.ToString());
            Assert.Equal(first.Id, first.Data["id"]!.ToString());
            firstId = first.Id;
        }

        // While Bob is away, coins arrive; reconnecting after the last event he saw delivers them, and nothing older.
        AssertCommitted(await alice.Client.PostAsync("/tokenomics/api/v1/transfers", new { toUserId = bob.UserId, amount = "2" }, preferWait: 20), "transfer");
        await Eventually.MatchesAsync(() => KindsAsync(bob), kinds => kinds.Contains("COINS_RECEIVED"), "Bob's COINS_RECEIVED");
        using var resumed = await OpenStreamAsync(bob, firstId);
        var missed = await resumed.NextAsync();
        Assert.Equal("COINS_RECEIVED", missed.Data["kind"]!.ToString());
        Assert.True(long.Parse(missed.Id) > long.Parse(firstId));
    }

    private static async Task<IReadOnlyList<string>> KindsAsync(RegisteredUser user) =>
        (await user.Client.GetAsync($"{Notifications}?limit=100")).Json["items"]!.AsArray().Select(n => n!["kind"]!.ToString()).ToList();

    private async Task<EventStream> OpenStreamAsync(RegisteredUser user, string? lastEventId)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 }) { BaseAddress = backend.ApiBase, Timeout = Timeout.InfiniteTimeSpan };
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Notifications}/stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Client.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        using var opening = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, opening.Token);
        // Only a refusal has a body to show: the stream's own content never ends.
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Assert.Fail($"stream: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new EventStream(http, response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    private sealed record StreamEvent(string? Event, string Id, JsonNode Data);

    private sealed class EventStream(HttpClient http, HttpResponseMessage response, StreamReader reader) : IDisposable
    {
        /// <summary>The next event, or a TimeoutException after 30 s naming what was awaited.</summary>
        public async Task<StreamEvent> NextAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            string? name = null, id = null, data = null;
            try
            {
                // WaitAsync: the deadline holds even if a read on the socket ignored its token.
                while (await reader.ReadLineAsync(timeout.Token).AsTask().WaitAsync(timeout.Token) is { } line)
                {
                    if (line.Length == 0 && data is not null)
                    {
                        return new StreamEvent(name, id!, JsonNode.Parse(data)!);
                    }
                    if (line.StartsWith("event: ", StringComparison.Ordinal))
                    {
                        name = line[7..];
                    }
                    else if (line.StartsWith("id: ", StringComparison.Ordinal))
                    {
                        id = line[4..];
                    }
                    else if (line.StartsWith("data: ", StringComparison.Ordinal))
                    {
                        data = line[6..];
                    }
                }
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("No notification arrived on the stream within 30 s.");
            }
            throw new InvalidOperationException("The stream ended.");
        }

        /// <summary>Closes the connection first: disposing an endless response alone would try to drain it.</summary>
        public void Dispose()
        {
            http.Dispose();
            response.Dispose();
            reader.Dispose();
        }
    }
}
