using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Organizations;
using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Backend.Tests.Grains;

/// <summary>The organization grain's pre-checks where HTTP would stop the request first, and a proposal only the chaincode refuses.</summary>
public sealed class OrganizationGrainTests(MemoryLedgerClusterFixture fixture) : IClassFixture<MemoryLedgerClusterFixture>
{
    private readonly GrainJourney _journey = new(fixture.Client);
    private IClusterClient Client => fixture.Client;

    private static OrganizationProposal Proposal(Guid proposer, params Guid[] stakeholders) =>
        new(proposer, Guid.NewGuid(), "Acme", "business", stakeholders);

    [Fact]
    public async Task The_grain_refuses_duplicate_or_too_many_stakeholders_and_an_unknown_type_naming_the_field()
    {
        var alice = Guid.NewGuid();
        var organization = Client.GetGrain<IOrganizationGrain>($"org-{Guid.NewGuid():N}");

        var duplicate = await Assert.ThrowsAsync<DomainRuleException>(() => organization.ProposeAsync(Proposal(alice, alice, alice)));
        var tooMany = await Assert.ThrowsAsync<DomainRuleException>(() => organization.ProposeAsync(
            Proposal(alice, [alice, .. Enumerable.Range(0, 50).Select(_ => Guid.NewGuid())])));
        var badType = await Assert.ThrowsAsync<DomainRuleException>(() => organization.ProposeAsync(Proposal(alice, alice) with { OrgType = "club" }));

        Assert.Equal((RuleViolationKind.Validation, "stakeholderIds"), (duplicate.Kind, duplicate.Field));
        Assert.Equal((RuleViolationKind.Validation, "stakeholderIds"), (tooMany.Kind, tooMany.Field));
        Assert.Equal((RuleViolationKind.Validation, "orgType"), (badType.Kind, badType.Field));
        await Assert.ThrowsAsync<DomainRuleException>(() => organization.GetAsync(alice, callerIsAdmin: true));
    }

    [Fact]
    public async Task An_endorsement_still_pending_counts_and_a_repeated_command_is_answered_not_issued_again()
    {
        await _journey.BootstrapAsync();
        var alice = await _journey.ActiveUserAsync("MY");
        var bob = await _journey.ActiveUserAsync("MY");
        var organization = Client.GetGrain<IOrganizationGrain>($"org-{Guid.NewGuid():N}");
        await _journey.WaitCommittedAsync(await organization.ProposeAsync(Proposal(alice.GetPrimaryKey(), alice.GetPrimaryKey(), bob.GetPrimaryKey())));

        var endorsement = Guid.NewGuid();
        var first = await organization.EndorseAsync(bob.GetPrimaryKey(), endorsement);
        var repeated = await organization.EndorseAsync(bob.GetPrimaryKey(), endorsement);
        var twice = await Assert.ThrowsAsync<DomainRuleException>(() => organization.EndorseAsync(bob.GetPrimaryKey(), Guid.NewGuid()));

        Assert.Equal(first.CommandId, repeated.CommandId);
        Assert.Equal("already_endorsed", twice.Code);
        await _journey.WaitCommittedAsync(first);
        await Eventually.MatchesAsync(() => organization.GetAsync(bob.GetPrimaryKey(), false), o => o.EndorsedBy.Count == 2, "both endorsements on chain");
    }

    [Fact]
    public async Task A_proposal_only_the_chaincode_refuses_fails_and_frees_the_id()
    {
        await _journey.BootstrapAsync();
        var alice = await _journey.ActiveUserAsync("MY");
        // The grain does not know every wallet on chain; the chaincode refuses an id that names one (here a user's).
        var takenByAWallet = alice.GetPrimaryKey().ToString();
        var organization = Client.GetGrain<IOrganizationGrain>(takenByAWallet);

        var accepted = await organization.ProposeAsync(Proposal(alice.GetPrimaryKey(), alice.GetPrimaryKey()));
        var status = await _journey.WaitFinishedAsync(accepted.CommandId, TimeSpan.FromSeconds(60));

        Assert.Equal(CommandState.Failed, status.State);
        Assert.Contains("already taken", status.ErrorMessage);
        await Eventually.WaitUntilAsync(() => IsUnknownAsync(organization, alice.GetPrimaryKey()), TimeSpan.FromSeconds(30), "the refused proposal to be forgotten");
    }

    private static async Task<bool> IsUnknownAsync(IOrganizationGrain organization, Guid callerId)
    {
        try
        {
            await organization.GetAsync(callerId, callerIsAdmin: true);
            return false;
        }
        catch (DomainRuleException missing) when (missing.Kind == RuleViolationKind.NotFound)
        {
            return true;
        }
    }
}
