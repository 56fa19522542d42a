using System.Net;
using GxProtocol.Backend.Tests.Support;
using static GxProtocol.Backend.Tests.Support.AdminTestSupport;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>Relationships complete: the caller's list, one link, rejecting an invitation, the caller's trust score.</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class RelationshipListRouteTests(ServicesBackend backend)
{
    private const string Relationships = RelationshipSteps.Relationships;

    [Fact]
    public async Task Each_user_lists_their_own_links_by_direction_and_status()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        using var carol = await backend.NewActiveUserAsync();
        var toBob = (await alice.Client.PostAsync(Relationships, new { toUserId = bob.UserId, type = "friend" }))["relationshipId"];
        var fromCarol = (await carol.Client.PostAsync(Relationships, new { toUserId = alice.UserId, type = "business" }))["relationshipId"];
        Assert.Equal(HttpStatusCode.OK, (await alice.Client.PostAsync($"{Relationships}/{fromCarol}/confirm")).Status);

        Assert.Equal([fromCarol, toBob], await IdsAsync(alice, ""));
        Assert.Equal([toBob], await IdsAsync(alice, "?direction=outgoing"));
        Assert.Equal([fromCarol], await IdsAsync(alice, "?direction=INCOMING&status=confirmed"));
        Assert.Equal([toBob], await IdsAsync(bob, "?direction=incoming&status=PENDING"));
        Assert.Empty(await IdsAsync(bob, "?direction=outgoing"));
        Assert.Equal([fromCarol], await IdsAsync(carol, ""));

        var page = await alice.Client.GetAsync($"{Relationships}?limit=1");
        Assert.Equal([fromCarol], page.Json["items"]!.AsArray().Select(l => l!["relationshipId"]!.ToString()));
        var next = await alice.Client.GetAsync($"{Relationships}?limit=1&cursor={page["nextCursor"]}");
        Assert.Equal([toBob], next.Json["items"]!.AsArray().Select(l => l!["relationshipId"]!.ToString()));
    }

    [Fact]
    public async Task Only_the_two_users_see_a_link_and_only_the_invited_one_rejects_it()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        using var stranger = await backend.NewActiveUserAsync();
        var link = (await alice.Client.PostAsync(Relationships, new { toUserId = bob.UserId, type = "family" }))["relationshipId"];

        Assert.Equal("PENDING", (await alice.Client.GetAsync($"{Relationships}/{link}"))["status"]);
        Assert.Equal(alice.UserId, (await bob.Client.GetAsync($"{Relationships}/{link}"))["fromUserId"]);
        AssertProblem(await stranger.Client.GetAsync($"{Relationships}/{link}"), HttpStatusCode.NotFound);
        AssertProblem(await stranger.Client.PostAsync($"{Relationships}/{link}/reject"), HttpStatusCode.NotFound);
        AssertProblem(await alice.Client.PostAsync($"{Relationships}/{link}/reject"), HttpStatusCode.NotFound);
        AssertProblem(await bob.Client.GetAsync($"{Relationships}/{Guid.NewGuid()}"), HttpStatusCode.NotFound);

        var rejected = await bob.Client.PostAsync($"{Relationships}/{link}/reject");
        Assert.Equal(HttpStatusCode.OK, rejected.Status);
        Assert.Equal("REJECTED", rejected["status"]);
        Assert.NotEmpty(rejected["rejectedAt"]);
        AssertProblem(await bob.Client.PostAsync($"{Relationships}/{link}/confirm"), HttpStatusCode.Conflict, "relationship_rejected");
        Assert.Equal(["REJECTED"], (await alice.Client.GetAsync($"{Relationships}?direction=outgoing")).Json["items"]!.AsArray().Select(l => l!["status"]!.ToString()));
        Assert.Equal(0, (await alice.Client.GetAsync($"{Relationships}/trust-score")).Json["confirmedLinks"]!["family"]!.GetValue<int>());

        // A rejection leaves the pair free: Bob asks Alice this time, and a confirmed link cannot be rejected.
        var again = await bob.Client.PostAsync(Relationships, new { toUserId = alice.UserId, type = "friend" });
        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.Equal(link, again["relationshipId"]);
        Assert.Equal(HttpStatusCode.OK, (await alice.Client.PostAsync($"{Relationships}/{link}/confirm")).Status);
        AssertProblem(await alice.Client.PostAsync($"{Relationships}/{link}/reject"), HttpStatusCode.Conflict, "relationship_confirmed");
        Assert.Equal(["CONFIRMED"], (await alice.Client.GetAsync($"{Relationships}?direction=incoming")).Json["items"]!.AsArray().Select(l => l!["status"]!.ToString()));
    }

    [Fact]
    public async Task The_callers_trust_score_is_their_own_and_bad_filters_are_problems()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();
        await RelationshipSteps.LinkAsync(alice, bob, "friend");

        var own = await alice.Client.GetAsync($"{Relationships}/trust-score");
        var byId = await alice.Client.GetAsync(RelationshipSteps.TrustScorePath(alice.UserId));
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal(byId.Body, own.Body);
        Assert.Equal(alice.UserId, own["userId"]);
        Assert.Equal(1, own.Json["confirmedLinks"]!["friend"]!.GetValue<int>());

        AssertProblem(await alice.Client.GetAsync($"{Relationships}?direction=sideways"), HttpStatusCode.BadRequest, field: "direction");
        AssertProblem(await alice.Client.GetAsync($"{Relationships}?status=MAYBE"), HttpStatusCode.BadRequest, field: "status");
        AssertProblem(await alice.Client.GetAsync($"{Relationships}?limit=500"), HttpStatusCode.BadRequest, field: "limit");
        AssertProblem(await alice.Client.GetAsync($"{Relationships}?cursor=next"), HttpStatusCode.BadRequest, field: "cursor");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Relationships)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Relationships}/trust-score")).Status);
    }

    private static async Task<IReadOnlyList<string>> IdsAsync(RegisteredUser user, string query)
    {
        var list = await user.Client.GetAsync($"{Relationships}{query}");
        Assert.True(list.Status == HttpStatusCode.OK, list.ToString());
        return list.Json["items"]!.AsArray().Select(l => l!["relationshipId"]!.ToString()).ToList();
    }
}
