using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.Users;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>The one trust score formula (API.md: base 10; family up to 80; business 10; friends 10; cap 100), at its edges.</summary>
public sealed class TrustScoreFormulaTests
{
    private static ConfirmedRelationship Asked(string type) => new(Guid.NewGuid(), Guid.NewGuid(), type);

    private static ConfirmedRelationship Invited(string type) => new(Guid.NewGuid(), Guid.NewGuid(), type, Invited: true);

    private static TrustScoreView Active(params ConfirmedRelationship[] links) => TrustScore.For(Guid.NewGuid(), UserStatus.Active, links);

    [Fact]
    public void The_base_of_10_counts_only_while_active_and_links_count_nothing_before()
    {
        var active = Active();
        Assert.Equal((10, 10, 0), (active.Score, active.VerificationPoints, active.RelationshipPoints));
        Assert.Equal(0, TrustScore.For(Guid.NewGuid(), UserStatus.ApprovedPendingOnchain, []).Score);
        Assert.Equal(0, TrustScore.For(Guid.NewGuid(), UserStatus.Frozen, [Asked(RelationshipTypes.Father)]).Score);
    }

    [Theory]
    // Named by this user: the other is this user's ...
    [InlineData(RelationshipTypes.Father, false, 30, 0, 0)]
    [InlineData(RelationshipTypes.Mother, false, 30, 0, 0)]
    [InlineData(RelationshipTypes.Spouse, false, 25, 0, 0)]
    [InlineData(RelationshipTypes.Sibling, false, 15, 0, 0)]
    [InlineData(RelationshipTypes.Child, false, 10, 0, 0)]
    [InlineData(RelationshipTypes.BusinessPartner, false, 0, 10, 0)]
    [InlineData(RelationshipTypes.Director, false, 0, 10, 0)]
    [InlineData(RelationshipTypes.WorkplaceAssociate, false, 0, 10, 0)]
    [InlineData(RelationshipTypes.Friend, false, 0, 0, 10)]
    // Confirmed by this user as the one named: a FATHER link makes this user the parent, who has a child (10).
    [InlineData(RelationshipTypes.Father, true, 10, 0, 0)]
    [InlineData(RelationshipTypes.Mother, true, 10, 0, 0)]
    [InlineData(RelationshipTypes.Child, true, 30, 0, 0)]
    [InlineData(RelationshipTypes.Spouse, true, 25, 0, 0)]
    [InlineData(RelationshipTypes.Sibling, true, 15, 0, 0)]
    [InlineData(RelationshipTypes.Director, true, 0, 10, 0)]
    [InlineData(RelationshipTypes.Friend, true, 0, 0, 10)]
    public void Each_kind_adds_its_part(string type, bool invited, int family, int business, int friends)
    {
        var view = Active(invited ? Invited(type) : Asked(type));
        Assert.Equal((family, business, friends), (view.FamilyPoints, view.BusinessPoints, view.FriendPoints));
        Assert.Equal(10 + family + business + friends, view.Score);
    }

    [Fact]
    public void The_family_part_caps_at_80_business_and_friends_at_10_each_and_the_score_at_100()
    {
        var family = Active(Asked(RelationshipTypes.Father), Asked(RelationshipTypes.Mother), Asked(RelationshipTypes.Spouse));
        Assert.Equal((80, 90), (family.FamilyPoints, family.Score));
        var manyFriends = Active([.. Enumerable.Range(0, 5).Select(_ => Asked(RelationshipTypes.Friend))]);
        Assert.Equal((10, 5, 20), (manyFriends.FriendPoints, manyFriends.FriendLinks, manyFriends.Score));
        var business = Active(Asked(RelationshipTypes.BusinessPartner), Asked(RelationshipTypes.Director), Asked(RelationshipTypes.WorkplaceAssociate));
        Assert.Equal((10, 3, 20), (business.BusinessPoints, business.BusinessLinks, business.Score));
        var everything = Active(Asked(RelationshipTypes.Father), Asked(RelationshipTypes.Mother), Asked(RelationshipTypes.Spouse),
            Asked(RelationshipTypes.Sibling), Asked(RelationshipTypes.Child), Asked(RelationshipTypes.Director), Asked(RelationshipTypes.Friend));
        Assert.Equal((100, 100), (everything.Score, everything.RelationshipPoints));
        Assert.Equal((2, 1, 1, 1), (everything.ParentLinks, everything.SpouseLinks, everything.SiblingLinks, everything.ChildLinks));
    }

    [Fact]
    public void Kinds_stored_by_earlier_versions_count_as_the_kinds_they_map_to()
    {
        Assert.Equal(RelationshipTypes.Sibling, RelationshipTypes.Normalize("family"));
        Assert.Equal(RelationshipTypes.BusinessPartner, RelationshipTypes.Normalize("Business"));
        Assert.Equal(RelationshipTypes.Friend, RelationshipTypes.Normalize("friend"));
        Assert.Equal(RelationshipTypes.WorkplaceAssociate, RelationshipTypes.Normalize(" workplace_associate "));
        Assert.Null(RelationshipTypes.Normalize("cousin"));
        var legacy = Active(Asked("family"), Invited("business"), Asked("friend"));
        Assert.Equal((15, 10, 10, 45), (legacy.FamilyPoints, legacy.BusinessPoints, legacy.FriendPoints, legacy.Score));
    }

    [Fact]
    public void The_loan_and_vote_thresholds_fall_where_the_documented_links_put_them()
    {
        var loan = Active(Asked(RelationshipTypes.Father), Asked(RelationshipTypes.Spouse), Asked(RelationshipTypes.BusinessPartner)).Score;
        var belowLoan = Active(Asked(RelationshipTypes.Father), Asked(RelationshipTypes.Mother)).Score;
        Assert.Equal((75, 70), (loan, belowLoan));
        Assert.Null(GxRules.CheckLoanApplication(100 * GxChaincode.QiratPerCoin, loan, 0, 0));
        Assert.Equal("TRUST_SCORE_TOO_LOW", GxRules.CheckLoanApplication(100 * GxChaincode.QiratPerCoin, belowLoan, 0, 0)?.Code);

        var vote = Active(Asked(RelationshipTypes.Father), Asked(RelationshipTypes.Friend)).Score;
        var belowVote = Active(Asked(RelationshipTypes.Father)).Score;
        Assert.Equal((50, 40), (vote, belowVote));
        Assert.Null(GxRules.CheckVoteTrust(vote));
        Assert.Equal("TRUST_SCORE_TOO_LOW", GxRules.CheckVoteTrust(belowVote)?.Code);
        Assert.Equal(GxRules.MinVoteTrustScore, GxProtocol.Grains.Governance.ProposalGrain.MinimumTrustScore);
    }
}
