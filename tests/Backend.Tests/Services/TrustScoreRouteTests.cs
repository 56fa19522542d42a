using System.Net;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>GET /identity/api/v1/users/{id}/trust-score and how confirmed links move it.</summary>
[Collection(ServicesCollection.Name)]
public sealed class TrustScoreRouteTests(ServicesBackend backend)
{
    [Fact]
    public async Task Confirming_a_link_raises_the_parts_of_both_users_and_a_pending_link_counts_nothing()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();

        var before = await alice.Client.GetAsync(RelationshipSteps.TrustScorePath(alice.UserId));
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal("40", before["score"]);
        Assert.Equal("40", before.Json["parts"]!["verification"]!.ToString());
        Assert.Equal("0", before.Json["parts"]!["relationships"]!.ToString());

        var created = await alice.Client.PostAsync(RelationshipSteps.Relationships, new { toUserId = bob.UserId, type = "family" });
        Assert.Equal(40, await RelationshipSteps.TrustScoreAsync(alice));
        Assert.Equal(40, await RelationshipSteps.TrustScoreAsync(bob));

        Assert.Equal(HttpStatusCode.OK, (await bob.Client.PostAsync($"{RelationshipSteps.Relationships}/{created["relationshipId"]}/confirm")).Status);

        var after = await alice.Client.GetAsync(RelationshipSteps.TrustScorePath(alice.UserId));
        Assert.Equal("60", after["score"]);
        Assert.Equal("20", after.Json["parts"]!["relationships"]!.ToString());
        Assert.Equal("1", after.Json["confirmedLinks"]!["family"]!.ToString());
        var bobs = await bob.Client.GetAsync(RelationshipSteps.TrustScorePath(bob.UserId));
        Assert.Equal("60", bobs["score"]);
        Assert.Equal("20", bobs.Json["parts"]!["relationships"]!.ToString());
    }

    [Fact]
    public async Task The_relationship_part_is_capped_at_60()
    {
        using var alice = await backend.NewActiveUserAsync();
        var relatives = new List<RegisteredUser>();
        for (var i = 0; i < 4; i++)
        {
            relatives.Add(await backend.NewActiveUserAsync());
            await RelationshipSteps.LinkAsync(alice, relatives[^1], "family");
        }

        var score = await alice.Client.GetAsync(RelationshipSteps.TrustScorePath(alice.UserId));
        Assert.Equal("100", score["score"]);
        Assert.Equal("60", score.Json["parts"]!["relationships"]!.ToString());
        Assert.Equal("4", score.Json["confirmedLinks"]!["family"]!.ToString());
        relatives.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task A_trust_score_is_served_to_its_user_and_admins_only()
    {
        using var alice = await backend.NewRegisteredUserAsync();
        using var bob = await backend.NewRegisteredUserAsync();
        using var anonymous = backend.Anonymous();
        var path = RelationshipSteps.TrustScorePath(alice.UserId);

        Assert.Equal(HttpStatusCode.OK, (await alice.Client.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.OK, (await backend.SuperAdmin.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.Client.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await backend.SuperAdmin.GetAsync(RelationshipSteps.TrustScorePath(Guid.NewGuid().ToString()))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.Client.GetAsync("/identity/api/v1/users/not-a-guid/trust-score")).Status);
    }
}
