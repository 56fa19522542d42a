using System.Net;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>GET /identity/api/v1/users/{id}/trust-score and how confirmed links move it.</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class TrustScoreRouteTests(ServicesBackend backend)
{
    [Fact]
    public async Task Confirming_a_link_raises_the_parts_of_both_users_each_as_they_stand_and_a_pending_link_counts_nothing()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();

        var before = await alice.Client.GetAsync(RelationshipSteps.TrustScorePath(alice.UserId));
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal("10", before["score"]);
        Assert.Equal("10", before.Json["parts"]!["base"]!.ToString());
        Assert.Equal("0", before.Json["parts"]!["family"]!.ToString());

        // Alice names Bob her father: she gains a parent (30), he gains a child (10).
        var created = await alice.Client.PostAsync(RelationshipSteps.Relationships, new { toUserId = bob.UserId, type = "father" });
        Assert.Equal("FATHER", created["type"]);
        Assert.Equal(10, await RelationshipSteps.TrustScoreAsync(alice));
        Assert.Equal(10, await RelationshipSteps.TrustScoreAsync(bob));

        Assert.Equal(HttpStatusCode.OK, (await bob.Client.PostAsync($"{RelationshipSteps.Relationships}/{created["relationshipId"]}/confirm")).Status);

        var after = await alice.Client.GetAsync(RelationshipSteps.TrustScorePath(alice.UserId));
        Assert.Equal("40", after["score"]);
        Assert.Equal("30", after.Json["parts"]!["family"]!.ToString());
        Assert.Equal("1", after.Json["confirmedLinks"]!["parent"]!.ToString());
        Assert.Equal("1", after.Json["confirmedLinks"]!["family"]!.ToString());
        var bobs = await bob.Client.GetAsync(RelationshipSteps.TrustScorePath(bob.UserId));
        Assert.Equal("20", bobs["score"]);
        Assert.Equal("10", bobs.Json["parts"]!["family"]!.ToString());
        Assert.Equal("1", bobs.Json["confirmedLinks"]!["child"]!.ToString());
    }

    [Fact]
    public async Task The_family_part_is_capped_at_80_and_the_score_at_100()
    {
        using var alice = await backend.NewActiveUserAsync();
        var others = new List<RegisteredUser>();
        foreach (var type in new[] { "FATHER", "MOTHER", "SPOUSE" })
        {
            others.Add(await backend.NewActiveUserAsync());
            await RelationshipSteps.LinkAsync(alice, others[^1], type);
        }
        // 30 + 30 + 25 = 85 of family, capped.
        var family = await alice.Client.GetAsync(RelationshipSteps.TrustScorePath(alice.UserId));
        Assert.Equal("90", family["score"]);
        Assert.Equal("80", family.Json["parts"]!["family"]!.ToString());

        foreach (var type in new[] { "DIRECTOR", "FRIEND" })
        {
            others.Add(await backend.NewActiveUserAsync());
            await RelationshipSteps.LinkAsync(alice, others[^1], type);
        }
        // 10 + 80 + 10 + 10 = 110, capped.
        var score = await alice.Client.GetAsync(RelationshipSteps.TrustScorePath(alice.UserId));
        Assert.Equal("100", score["score"]);
        Assert.Equal(("80", "10", "10"), (score.Json["parts"]!["family"]!.ToString(), score.Json["parts"]!["business"]!.ToString(),
            score.Json["parts"]!["friends"]!.ToString()));
        Assert.Equal(("3", "2", "1"), (score.Json["confirmedLinks"]!["family"]!.ToString(), score.Json["confirmedLinks"]!["parent"]!.ToString(),
            score.Json["confirmedLinks"]!["spouse"]!.ToString()));
        others.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task An_older_kind_is_accepted_and_stored_as_the_kind_it_maps_to()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();

        var confirmed = await RelationshipSteps.LinkAsync(alice, bob, "family");

        Assert.Equal("SIBLING", confirmed["type"]);
        Assert.Equal(25, await RelationshipSteps.TrustScoreAsync(alice));
        Assert.Equal(25, await RelationshipSteps.TrustScoreAsync(bob));
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
