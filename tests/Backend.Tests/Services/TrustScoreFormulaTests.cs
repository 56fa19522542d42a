using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.Users;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>The one trust score formula, at its edges.</summary>
public sealed class TrustScoreFormulaTests
{
    private static ConfirmedRelationship Link(string type) => new(Guid.NewGuid(), Guid.NewGuid(), type);

    [Fact]
    public void Verification_counts_only_while_active()
    {
        Assert.Equal(40, TrustScore.For(Guid.NewGuid(), UserStatus.Active, []).Score);
        Assert.Equal(0, TrustScore.For(Guid.NewGuid(), UserStatus.ApprovedPendingOnchain, []).Score);
        Assert.Equal(0, TrustScore.For(Guid.NewGuid(), UserStatus.Frozen, []).Score);
    }

    [Fact]
    public void Each_kind_of_link_weighs_its_points_and_the_thresholds_fall_where_documented()
    {
        var vote = TrustScore.For(Guid.NewGuid(), UserStatus.Active, [Link(RelationshipTypes.Friend)]);
        Assert.Equal(50, vote.Score);
        var loan = TrustScore.For(Guid.NewGuid(), UserStatus.Active, [Link(RelationshipTypes.Family), Link(RelationshipTypes.Business)]);
        Assert.Equal(75, loan.Score);
        Assert.Equal(35, loan.RelationshipPoints);
        Assert.Equal(70, TrustScore.For(Guid.NewGuid(), UserStatus.Active, [Link(RelationshipTypes.Family), Link(RelationshipTypes.Friend)]).Score);
    }

    [Fact]
    public void Relationships_cap_at_60_and_the_total_at_100()
    {
        var many = Enumerable.Range(0, 10).Select(_ => Link(RelationshipTypes.Family)).ToList();
        var view = TrustScore.For(Guid.NewGuid(), UserStatus.Active, many);
        Assert.Equal(60, view.RelationshipPoints);
        Assert.Equal(100, view.Score);
        Assert.Equal(10, view.FamilyLinks);
    }
}
