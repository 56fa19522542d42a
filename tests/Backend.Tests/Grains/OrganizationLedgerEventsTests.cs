using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.Organizations;
using GxProtocol.Grains.Organizations;
using Organization = GxProtocol.Contract.GxChaincode.Organization;

namespace GxProtocol.Backend.Tests.Grains;

/// <summary>The ledger's events confirm what the organization grain expected: they finish the command and release its hold.</summary>
public sealed class OrganizationLedgerEventsTests
{
    private const string OrgId = "acme";
    private static readonly Guid Alice = Guid.NewGuid(), Bob = Guid.NewGuid(), Carol = Guid.NewGuid();
    private int _block;

    private LedgerEventEnvelope Event<T>(T payload) =>
        new(new LedgerPosition((ulong)++_block, 0), $"tx-{_block}", typeof(T).Name, LedgerEventJson.Serialize(payload), DateTimeOffset.UnixEpoch);

    private static LedgerCommand Command(string name, params string[] arguments) =>
        new(Guid.NewGuid(), name, arguments, default, Alice, DateTimeOffset.UtcNow);

    private static OrganizationState ActiveOrganization() => new()
    {
        Status = GxStatuses.OrganizationActive,
        OrgName = "Acme",
        OrgType = "business",
        ProposerId = Alice,
        Country = "MY",
        StakeholderIds = [Alice, Bob, Carol],
        EndorsedBy = [Alice, Bob, Carol],
        Rule = new AuthRuleView(10 * GxChaincode.QiratPerCoin, 2, [Alice, Bob]),
    };

    [Fact]
    public void An_endorsement_event_finishes_only_that_stakeholders_command()
    {
        var state = ActiveOrganization();
        state.Status = GxStatuses.OrganizationProposed;
        state.EndorsedBy = [Alice];
        var byBob = Command(Organization.EndorseMembership, OrgId, Bob.ToString());
        var byCarol = Command(Organization.EndorseMembership, OrgId, Carol.ToString());
        state.Log.Pending[byBob.CommandId] = byBob;
        state.Log.Pending[byCarol.CommandId] = byCarol;

        OrganizationLedgerEvents.Apply(state, OrgId, Event(new MembershipEndorsed(OrgId, Carol.ToString(), [Alice.ToString(), Carol.ToString()], false)));

        Assert.Equal([Alice, Carol], state.EndorsedBy);
        Assert.True(state.Log.Pending.ContainsKey(byBob.CommandId));
        Assert.False(state.Log.Pending.ContainsKey(byCarol.CommandId));
    }

    [Fact]
    public void A_pending_initiation_becomes_a_tracked_transaction_and_its_execution_removes_it_and_takes_the_balance()
    {
        var state = ActiveOrganization();
        var initiate = Command(Organization.InitiateMultiSigTx, OrgId, Alice.ToString(), Carol.ToString(), "50000000", "", "");
        var pendingTxId = GxIds.ForRequest(initiate.CommandId, GxIds.MultiSigTx);
        state.Log.Pending[initiate.CommandId] = initiate;
        state.PendingTxs[pendingTxId] = new PendingMultiSigTx
        {
            CommandId = initiate.CommandId,
            InitiatorId = Alice,
            ToUserId = Carol,
            Amount = 50_000_000,
            RequiredApprovals = 2,
            ApproverIds = [Alice, Bob],
            Approvals = [Alice],
        };

        OrganizationLedgerEvents.Apply(state, OrgId, Event(new MultiSigTxInitiated(pendingTxId.ToString(), OrgId, Alice.ToString(), Carol.ToString(),
            50_000_000, "", 2, [Alice.ToString()], GxStatuses.MultiSigPending, null, [])));
        Assert.True(state.PendingTxs[pendingTxId].OnChain);
        Assert.Empty(state.Log.Pending);

        var approve = Command(Organization.ApproveMultiSigTx, pendingTxId.ToString(), Bob.ToString());
        state.Log.Pending[approve.CommandId] = approve;
        state.Holds[approve.CommandId] = 50_025_000;
        OrganizationLedgerEvents.Apply(state, OrgId, Event(new MultiSigTxExecuted(pendingTxId.ToString(), OrgId, Bob.ToString(), Carol.ToString(),
            50_000_000, [Alice.ToString(), Bob.ToString()], new TransferFees(5, 25_000, 25_000, 0, 50_000_000),
            [new AccountBalance(OrgId, 144_972_500), new AccountBalance(Carol.ToString(), 555_000_000)])));

        Assert.Empty(state.PendingTxs);
        Assert.Empty(state.Holds);
        Assert.Empty(state.Log.Pending);
        Assert.Equal(144_972_500, state.Balance);
    }

    [Fact]
    public void A_rule_event_replaces_the_rule_and_clears_the_oldest_pending_definition()
    {
        var state = ActiveOrganization();
        var define = Command(Organization.DefineAuthRule, OrgId, Alice.ToString(), "5000000", "1", "[]");
        state.Log.Pending[define.CommandId] = define;
        state.PendingRules[define.CommandId] = new AuthRuleView(5_000_000, 1, [Carol]);

        OrganizationLedgerEvents.Apply(state, OrgId, Event(new AuthRuleDefined(OrgId, 5_000_000, 1, [Carol.ToString()])));

        Assert.Equal(new[] { Carol }, state.Rule!.ApproverIds);
        Assert.Empty(state.PendingRules);
        Assert.Empty(state.Log.Pending);
    }
}
