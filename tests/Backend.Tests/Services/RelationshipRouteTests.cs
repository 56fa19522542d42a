using System.Net;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>POST /identity/api/v1/relationships and /relationships/{id}/confirm.</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class RelationshipRouteTests(ServicesBackend backend)
{
    private const string Relationships = RelationshipSteps.Relationships;

    [Fact]
    public async Task A_link_starts_pending_and_only_the_invited_user_can_confirm_it()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        using var carol = await backend.NewActiveUserAsync();

        var created = await alice.Client.PostAsync(Relationships, new { toUserId = bob.UserId, type = "Friend" });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("PENDING", created["status"]);
        Assert.Equal("FRIEND", created["type"]);
        Assert.Equal(alice.UserId, created["fromUserId"]);
        var confirm = $"{Relationships}/{created["relationshipId"]}/confirm";

        Assert.Equal(HttpStatusCode.NotFound, (await carol.Client.PostAsync(confirm)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.Client.PostAsync(confirm)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.Client.PostAsync($"{Relationships}/{Guid.NewGuid()}/confirm")).Status);

        var confirmed = await bob.Client.PostAsync(confirm);
        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
        Assert.Equal("CONFIRMED", confirmed["status"]);
        var again = await bob.Client.PostAsync(confirm);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(confirmed["confirmedAt"], again["confirmedAt"]);
    }

    [Fact]
    public async Task Relationship_routes_need_a_token()
    {
        using var anonymous = backend.Anonymous();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(Relationships, new { toUserId = Guid.NewGuid(), type = "friend" })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"{Relationships}/{Guid.NewGuid()}/confirm")).Status);
    }

    [Fact]
    public async Task Malformed_links_are_refused_naming_the_field()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();

        var self = await alice.Client.PostAsync(Relationships, new { toUserId = alice.UserId, type = "family" });
        Assert.Equal(HttpStatusCode.BadRequest, self.Status);
        Assert.NotNull(self.Json["errors"]?["toUserId"]);

        var badType = await alice.Client.PostAsync(Relationships, new { toUserId = bob.UserId, type = "cousin" });
        Assert.Equal(HttpStatusCode.BadRequest, badType.Status);
        Assert.NotNull(badType.Json["errors"]?["type"]);

        var missingType = await alice.Client.PostAsync(Relationships, new { toUserId = bob.UserId });
        Assert.Equal(HttpStatusCode.BadRequest, missingType.Status);
        Assert.Contains("type", missingType.Body);

        var badId = await alice.Client.PostAsync(Relationships, new { toUserId = "not-a-guid", type = "friend" });
        Assert.Equal(HttpStatusCode.BadRequest, badId.Status);
        Assert.Contains("toUserId", badId.Body);
    }

    [Fact]
    public async Task A_link_to_an_unknown_user_is_not_found_and_a_second_link_between_two_users_conflicts()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();

        var unknown = await alice.Client.PostAsync(Relationships, new { toUserId = Guid.NewGuid(), type = "friend" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("user_not_found", unknown["code"]);

        Assert.Equal(HttpStatusCode.Created, (await alice.Client.PostAsync(Relationships, new { toUserId = bob.UserId, type = "business" })).Status);
        var again = await alice.Client.PostAsync(Relationships, new { toUserId = bob.UserId, type = "friend" });
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal("relationship_exists", again["code"]);
        var reverse = await bob.Client.PostAsync(Relationships, new { toUserId = alice.UserId, type = "family" });
        Assert.Equal(HttpStatusCode.Conflict, reverse.Status);
    }

    [Fact]
    public async Task Only_users_verified_on_the_ledger_can_link()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var stranger = await backend.NewRegisteredUserAsync();

        var toUnverified = await alice.Client.PostAsync(Relationships, new { toUserId = stranger.UserId, type = "family" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, toUnverified.Status);
        Assert.Equal("user_not_verified", toUnverified["code"]);
        var fromUnverified = await stranger.Client.PostAsync(Relationships, new { toUserId = alice.UserId, type = "family" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fromUnverified.Status);
        Assert.Equal(10, await RelationshipSteps.TrustScoreAsync(alice));
    }
}
