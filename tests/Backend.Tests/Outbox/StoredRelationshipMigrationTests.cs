using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.Users;

namespace GxProtocol.Backend.Tests.Outbox;

/// <summary>
/// Relationships as versions before the nine kinds stored them (kind "family"; user-state-v1.b64 holds the user's side,
/// relationship-state-v1.b64 the link's grain, bytes of that version): read by this version, scored by the API.md
/// formula as the kind "family" now maps to (SIBLING), and the link's grain stores the new kind once activated.
/// </summary>
public sealed class StoredRelationshipMigrationTests(MeasuredStorageClusterFixture fixture) : IClassFixture<MeasuredStorageClusterFixture>
{
    private static readonly Guid LegacyRelationshipId = Guid.Parse("6f1c2a3e-0000-4000-8000-0000000000c1");

    [Fact]
    public async Task A_stored_family_link_scores_as_a_sibling_and_its_grain_stores_the_new_kind()
    {
        // The legacy user's pending transfer must not reach the ledger (it knows no such user); trust is all this reads.
        fixture.Ledger.Host.Ledger.Faults.RefuseCallsFor(TimeSpan.FromMinutes(10));
        try
        {
            var user = fixture.Client.GetGrain<IUserGrain>(StoredUserMigrationTests.LegacyUserId);
            fixture.GrainStorage.Place("user", user.GetGrainId(), StoredUserMigrationTests.Fixture("user-state-v1.b64"));
            var link = fixture.Client.GetGrain<IRelationshipGrain>(LegacyRelationshipId);
            fixture.GrainStorage.Place("relationship", link.GetGrainId(), StoredUserMigrationTests.Fixture("relationship-state-v1.b64"));
            Assert.Equal("family", fixture.GrainStorage.Stored<RelationshipState>("relationship", link.GetGrainId())!.Link!.Type);

            // Before: 40 verified + 20 family = 60. Now: base 10 + sibling 15.
            var score = await user.GetTrustScoreAsync();
            Assert.Equal((25, 10, 15, 1, 1), (score.Score, score.VerificationPoints, score.FamilyPoints, score.SiblingLinks, score.FamilyLinks));

            var view = await link.GetAsync(StoredUserMigrationTests.LegacyUserId);
            Assert.Equal((RelationshipTypes.Sibling, RelationshipView.Confirmed), (view.Type, view.Status));
            var stored = fixture.GrainStorage.Stored<RelationshipState>("relationship", link.GetGrainId())!;
            Assert.Equal((RelationshipTypes.Sibling, true), (stored.Link!.Type, stored.RecordedByUsers));
        }
        finally
        {
            fixture.Ledger.Host.Ledger.Faults.RefuseCallsFor(TimeSpan.Zero);
        }
    }
}
