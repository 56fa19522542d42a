using GxProtocol.Backend.Tests.Support;
using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Organizations;
using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Backend.Tests.Grains;

/// <summary>
/// Issue 10 points 1 and 2 on the organization grain and the real chaincode: a rule in force changes only with the
/// approvals it requires; pending transactions can be cancelled and expire, so one approver cannot lock the organization.
/// </summary>
[Trait("Category", "Slow")]
[Trait("Category", "Waits")]
public sealed class MultiSigGovernanceGrainTests(ShiftedClockClusterFixture fixture) : IClassFixture<ShiftedClockClusterFixture>
{
    private const long Coin = GrainJourney.Coin;
    private GrainJourney Journey => fixture.Journey;

    private async Task<(IOrganizationGrain Org, Guid A, Guid B, Guid C)> OrganizationWithTwoOfTwoRuleAsync()
    {
        var a = (await Journey.ActiveUserAsync("MY")).GetPrimaryKey();
        var b = (await Journey.ActiveUserAsync("MY")).GetPrimaryKey();
        var c = (await Journey.ActiveUserAsync("MY")).GetPrimaryKey();
        var org = fixture.Client.GetGrain<IOrganizationGrain>($"org-{Guid.NewGuid():N}"[..24]);
        await Journey.WaitCommittedAsync(await org.ProposeAsync(new OrganizationProposal(a, Guid.NewGuid(), "Gov Co", "business", [a, b, c])));
        await Journey.WaitCommittedAsync(await org.EndorseAsync(b, Guid.NewGuid()));
        await Journey.WaitCommittedAsync(await org.EndorseAsync(c, Guid.NewGuid()));
        await Journey.WaitCommittedAsync(await org.ActivateAsync(a, Guid.NewGuid()));
        await Journey.WaitCommittedAsync(await org.DefineRuleAsync(new AuthRuleDefinition(a, Guid.NewGuid(), 10 * Coin, 2, [a, b])));
        await Eventually.MatchesAsync(() => org.GetAsync(a, false), o => o.Rule is { RequiredApprovals: 2 }, "the two-approver rule on chain");
        return (org, a, b, c);
    }

    private static Task<IReadOnlyList<MultiSigTxView>> OnChainPendingAsync(IOrganizationGrain org, Guid caller, int count) =>
        Eventually.MatchesAsync(() => org.GetPendingTransfersAsync(caller), p => p.Count == count && p.All(t => t.OnChain),
            $"{count} pending transaction(s) on chain");

    [Fact]
    public async Task One_approver_cannot_replace_the_rule_alone_and_the_change_executes_with_the_second_approval()
    {
        var (org, a, b, c) = await OrganizationWithTwoOfTwoRuleAsync();

        // a tries to become sole approver with a threshold no transfer reaches.
        var change = await org.DefineRuleAsync(new AuthRuleDefinition(a, Guid.NewGuid(), GxSupply.TotalSupplyQirat, 1, [a]));
        await Journey.WaitCommittedAsync(change);
        var pending = Assert.Single(await OnChainPendingAsync(org, a, 1));
        Assert.Equal(GxIds.ForRequest(change.CommandId, GxIds.MultiSigTx), pending.PendingTxId);
        Assert.Equal([a], pending.ProposedRule!.ApproverIds);
        Assert.Equal(2, pending.RequiredApprovals);
        Assert.Equal(2, (await org.GetAsync(a, false)).Rule!.RequiredApprovals);

        // A non-approver stakeholder cannot propose a rule at all.
        var outsider = await Assert.ThrowsAsync<DomainRuleException>(() => org.DefineRuleAsync(new AuthRuleDefinition(c, Guid.NewGuid(), 1, 1, [c])));
        Assert.Equal("not_an_approver", outsider.Code);

        await Journey.WaitCommittedAsync(await org.ApproveTransferAsync(pending.PendingTxId, b, Guid.NewGuid()));
        await Eventually.MatchesAsync(() => org.GetAsync(a, false), o => o.Rule is { RequiredApprovals: 1 } r && r.ApproverIds.SequenceEqual([a]),
            "the approved rule to be in force");
        await OnChainPendingAsync(org, a, 0);
    }

    [Fact]
    public async Task The_initiator_or_an_approver_cancels_a_pending_transfer()
    {
        var (org, a, b, c) = await OrganizationWithTwoOfTwoRuleAsync();
        var initiated = await org.InitiateTransferAsync(new MultiSigTransferRequest(a, Guid.NewGuid(), c, 50 * Coin, "cancel me"));
        await Journey.WaitCommittedAsync(initiated.Command);
        await OnChainPendingAsync(org, a, 1);

        var notAllowed = await Assert.ThrowsAsync<DomainRuleException>(() => org.CancelTransferAsync(initiated.PendingTxId, c, Guid.NewGuid()));
        Assert.Equal(RuleViolationKind.Forbidden, notAllowed.Kind);

        await Journey.WaitCommittedAsync(await org.CancelTransferAsync(initiated.PendingTxId, b, Guid.NewGuid()));
        await OnChainPendingAsync(org, a, 0);
        var gone = await Assert.ThrowsAsync<DomainRuleException>(() => org.ApproveTransferAsync(initiated.PendingTxId, b, Guid.NewGuid()));
        Assert.Equal(RuleViolationKind.NotFound, gone.Kind);
    }

    [Fact]
    public async Task Pending_transfers_expire_after_seven_days_so_a_full_queue_frees_itself()
    {
        var (org, a, b, c) = await OrganizationWithTwoOfTwoRuleAsync();
        var initiations = new List<Guid>();
        for (var i = 0; i < 100; i++)
        {
            initiations.Add((await org.InitiateTransferAsync(new MultiSigTransferRequest(a, Guid.NewGuid(), c, 50 * Coin, $"spam {i}"))).PendingTxId);
        }
        var full = await Assert.ThrowsAsync<DomainRuleException>(() =>
            org.InitiateTransferAsync(new MultiSigTransferRequest(a, Guid.NewGuid(), c, 50 * Coin, "one more")));
        Assert.Equal("too_many_pending", full.Code);
        await Eventually.MatchesAsync(() => org.GetPendingTransfersAsync(a), p => p.Count == 100 && p.All(t => t.OnChain),
            "the 100 initiations to commit", TimeSpan.FromSeconds(120));

        fixture.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        var expired = await Assert.ThrowsAsync<DomainRuleException>(() => org.ApproveTransferAsync(initiations[0], b, Guid.NewGuid()));
        Assert.Equal("expired", expired.Code);
        Assert.Empty(await org.GetPendingTransfersAsync(a));
        var fresh = await org.InitiateTransferAsync(new MultiSigTransferRequest(a, Guid.NewGuid(), c, 50 * Coin, "after expiry"));
        await Journey.WaitCommittedAsync(fresh.Command);
        Assert.Single(await OnChainPendingAsync(org, a, 1));
    }
}
