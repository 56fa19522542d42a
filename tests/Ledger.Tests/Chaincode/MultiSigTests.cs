using System.Text.Json;
using GxProtocol.Contract;
using static GxProtocol.Ledger.Tests.Chaincode.ChaincodeHarness;
using Org = GxProtocol.Contract.GxChaincode.Organization;

namespace GxProtocol.Ledger.Tests.Chaincode;

public sealed class MultiSigTests
{
    private static readonly string[] Stakeholders = ["s1", "s2", "s3"];
    private readonly ChaincodeHarness _ledger = new ChaincodeHarness().Bootstrapped(("US", 10m));

    public MultiSigTests()
    {
        foreach (var id in Stakeholders.Append("payee"))
        {
            _ledger.CreateUser(id);
        }

        _ledger.Role = CallerRoles.PartnerApi;
    }

    private void ActivateWithRule(long thresholdCoins, int requiredApprovals, string[]? approvers = null)
    {
        _ledger.Submit<OrganizationProposed>(Org.ProposeOrganization, "s1", "acme", "Acme", "business", JsonSerializer.Serialize(Stakeholders));
        _ledger.Submit<MembershipEndorsed>(Org.EndorseMembership, "acme", "s2");
        _ledger.Submit<MembershipEndorsed>(Org.EndorseMembership, "acme", "s3");
        _ledger.Submit<OrganizationActivated>(Org.ActivateOrganization, "acme", "s1");
        _ledger.Submit<AuthRuleDefined>(Org.DefineAuthRule, "acme", "s1", Qirat(thresholdCoins * Coin), requiredApprovals.ToString(),
            JsonSerializer.Serialize(approvers ?? Stakeholders));
        _ledger.Submit<TransferWithFeesCompleted>(GxChaincode.Tokenomics.TransferWithFees, "s1", "acme", Qirat(400 * Coin), "", "");
    }

    [Fact]
    public void Organization_activates_only_when_every_stakeholder_endorsed()
    {
        var proposed = _ledger.Submit<OrganizationProposed>(Org.ProposeOrganization, "s1", "acme", "Acme", "business", JsonSerializer.Serialize(Stakeholders));
        Assert.Equal(["s1"], proposed.EndorsedBy);
        _ledger.Submit<MembershipEndorsed>(Org.EndorseMembership, "acme", "s2");
        _ledger.Refused(409, Org.ActivateOrganization, "acme", "s1");
        _ledger.Refused(409, Org.EndorseMembership, "acme", "s2");
        _ledger.Refused(403, Org.EndorseMembership, "acme", "payee");
        var last = _ledger.Submit<MembershipEndorsed>(Org.EndorseMembership, "acme", "s3");
        Assert.True(last.AllEndorsed);
        _ledger.Refused(403, Org.ActivateOrganization, "acme", "payee");
        var activated = _ledger.Submit<OrganizationActivated>(Org.ActivateOrganization, "acme", "s2");
        Assert.Equal([new AccountBalance("acme", 0)], activated.Balances);
    }

    [Theory]
    // amount, threshold, required: approvals needed including the initiator's
    [InlineData(99, 100, 3, 1)]
    [InlineData(100, 100, 3, 3)]
    [InlineData(100, 100, 2, 2)]
    [InlineData(100, 100, 1, 1)]
    public void Approvals_needed_follow_the_threshold(long amountCoins, long thresholdCoins, int required, int expectedApprovals)
    {
        ActivateWithRule(thresholdCoins, required);
        var initiated = _ledger.Submit<MultiSigTxInitiated>(Org.InitiateMultiSigTx, "acme", "s1", "payee", Qirat(amountCoins * Coin), "invoice 7");
        Assert.Equal(expectedApprovals, initiated.RequiredApprovals);
        if (expectedApprovals == 1)
        {
            Assert.Equal(GxStatuses.MultiSigExecuted, initiated.Status);
            Assert.Equal(amountCoins * Coin - initiated.Fees!.FeeFromReceiver, initiated.Fees.NetReceived);
            Assert.Equal(0, initiated.Fees.FeeFromReceiver);
            return;
        }

        Assert.Equal(GxStatuses.MultiSigPending, initiated.Status);
        Assert.Null(initiated.Fees);
        var approvers = new[] { "s2", "s3" };
        for (var i = 0; i < expectedApprovals - 2; i++)
        {
            var approved = _ledger.Submit<MultiSigTxApproved>(Org.ApproveMultiSigTx, initiated.PendingTxId, approvers[i]);
            Assert.Equal(i + 2, approved.Approvals.Count);
        }
        var executed = _ledger.Submit<MultiSigTxExecuted>(Org.ApproveMultiSigTx, initiated.PendingTxId, approvers[expectedApprovals - 2]);
        Assert.Equal(expectedApprovals, executed.Approvals.Count);
        var balances = executed.Balances.ToDictionary(b => b.Account, b => b.Balance);
        Assert.Equal(400 * Coin - amountCoins * Coin - executed.Fees.FeeFromSender, balances["acme"]);
        Assert.Equal(500 * Coin + amountCoins * Coin, balances["payee"]);
        _ledger.Refused(409, Org.ApproveMultiSigTx, initiated.PendingTxId, "s3");
        Assert.Equal(GxSupply.TotalSupplyQirat, _ledger.SumOfBalances());
    }

    [Fact]
    public void Approvals_must_be_distinct_and_from_the_rule_approvers()
    {
        ActivateWithRule(10, 2, ["s1", "s2"]);
        _ledger.Refused(403, Org.InitiateMultiSigTx, "acme", "s3", "payee", Qirat(50 * Coin), "");
        var pending = _ledger.Submit<MultiSigTxInitiated>(Org.InitiateMultiSigTx, "acme", "s1", "payee", Qirat(50 * Coin), "");
        _ledger.Refused(409, Org.ApproveMultiSigTx, pending.PendingTxId, "s1");
        _ledger.Refused(403, Org.ApproveMultiSigTx, pending.PendingTxId, "s3");
        _ledger.Submit<MultiSigTxExecuted>(Org.ApproveMultiSigTx, pending.PendingTxId, "s2");
    }

    [Fact]
    public void Execution_needing_more_than_the_wallet_holds_is_refused_and_the_approval_not_recorded()
    {
        ActivateWithRule(10, 2);
        var pending = _ledger.Submit<MultiSigTxInitiated>(Org.InitiateMultiSigTx, "acme", "s1", "payee", Qirat(400 * Coin), "");
        _ledger.Refused(409, Org.ApproveMultiSigTx, pending.PendingTxId, "s2");
        _ledger.Submit<TransferWithFeesCompleted>(GxChaincode.Tokenomics.TransferWithFees, "s2", "acme", Qirat(10 * Coin), "", "");
        _ledger.Submit<MultiSigTxExecuted>(Org.ApproveMultiSigTx, pending.PendingTxId, "s2");
    }

    [Theory]
    [InlineData("2", """["s1","payee"]""")]   // approver outside the stakeholders
    [InlineData("3", """["s1","s2"]""")]      // more approvals than approvers
    [InlineData("0", """["s1","s2"]""")]
    [InlineData("1", """["s1","s1"]""")]
    [InlineData("1", "s1")]
    public void Invalid_rules_are_bad_requests(string required, string approvers)
    {
        _ledger.Submit<OrganizationProposed>(Org.ProposeOrganization, "s1", "acme", "Acme", "business", JsonSerializer.Serialize(Stakeholders));
        _ledger.Submit<MembershipEndorsed>(Org.EndorseMembership, "acme", "s2");
        _ledger.Submit<MembershipEndorsed>(Org.EndorseMembership, "acme", "s3");
        _ledger.Submit<OrganizationActivated>(Org.ActivateOrganization, "acme", "s1");
        _ledger.Refused(400, Org.DefineAuthRule, "acme", "s1", "1000", required, approvers);
    }

    [Fact]
    public void Proposal_checks_stakeholders_and_id_uniqueness()
    {
        _ledger.Refused(403, Org.ProposeOrganization, "payee", "acme", "Acme", "business", JsonSerializer.Serialize(Stakeholders));
        _ledger.Refused(404, Org.ProposeOrganization, "s1", "acme", "Acme", "business", """["s1","ghost"]""");
        _ledger.Refused(409, Org.ProposeOrganization, "s1", "payee", "Acme", "business", JsonSerializer.Serialize(Stakeholders));
        _ledger.Refused(400, Org.ProposeOrganization, "s1", "acme", "Acme", "cartel", JsonSerializer.Serialize(Stakeholders));
    }

    [Fact]
    public void One_stakeholder_cannot_replace_a_multi_approval_rule_alone()
    {
        ActivateWithRule(10, 2, ["s1", "s2"]);

        // s1 tries to become the sole approver with a threshold no transfer reaches.
        var change = _ledger.Submit<AuthRuleChangeProposed>(Org.DefineAuthRule, "acme", "s1", Qirat(GxSupply.TotalSupplyQirat), "1", """["s1"]""");
        Assert.Equal(2, change.ApprovalsNeeded);
        Assert.Equal(["s1"], change.Approvals);

        // The old rule still holds: a 50-coin transfer waits for a second approver.
        var transfer = _ledger.Submit<MultiSigTxInitiated>(Org.InitiateMultiSigTx, "acme", "s1", "payee", Qirat(50 * Coin), "");
        Assert.Equal(GxStatuses.MultiSigPending, transfer.Status);

        _ledger.Refused(403, Org.DefineAuthRule, "acme", "s3", "1", "1", """["s3"]""");
        _ledger.Refused(403, Org.ApproveMultiSigTx, change.PendingTxId, "s3");
        var defined = _ledger.Submit<AuthRuleDefined>(Org.ApproveMultiSigTx, change.PendingTxId, "s2");
        Assert.Equal(change.PendingTxId, defined.PendingTxId);
        Assert.Equal("s2", defined.ApproverId);
        Assert.Equal(["s1"], defined.ApproverIds);
        _ledger.Refused(409, Org.ApproveMultiSigTx, change.PendingTxId, "s2");

        // Now approved by two, the new rule applies.
        var after = _ledger.Submit<MultiSigTxInitiated>(Org.InitiateMultiSigTx, "acme", "s1", "payee", Qirat(50 * Coin), "");
        Assert.Equal(GxStatuses.MultiSigExecuted, after.Status);
    }

    [Fact]
    public void Under_a_one_approval_rule_only_an_approver_replaces_it()
    {
        ActivateWithRule(10, 1, ["s1"]);
        _ledger.Refused(403, Org.DefineAuthRule, "acme", "s2", "1", "1", """["s2"]""");
        var defined = _ledger.Submit<AuthRuleDefined>(Org.DefineAuthRule, "acme", "s1", "1", "2", """["s1","s2"]""");
        Assert.Null(defined.PendingTxId);
        Assert.Equal(2, defined.RequiredApprovals);
    }

    [Fact]
    public void The_initiator_or_an_approver_cancels_a_pending_transfer_and_nobody_else()
    {
        ActivateWithRule(10, 2, ["s1", "s2"]);
        var first = _ledger.Submit<MultiSigTxInitiated>(Org.InitiateMultiSigTx, "acme", "s1", "payee", Qirat(50 * Coin), "");
        _ledger.Refused(403, Org.CancelMultiSigTx, first.PendingTxId, "s3");
        var cancelled = _ledger.Submit<MultiSigTxCancelled>(Org.CancelMultiSigTx, first.PendingTxId, "s1");
        Assert.Equal("s1", cancelled.CancelledBy);
        _ledger.Refused(409, Org.ApproveMultiSigTx, first.PendingTxId, "s2");
        _ledger.Refused(409, Org.CancelMultiSigTx, first.PendingTxId, "s2");

        var second = _ledger.Submit<MultiSigTxInitiated>(Org.InitiateMultiSigTx, "acme", "s1", "payee", Qirat(50 * Coin), "");
        _ledger.Submit<MultiSigTxCancelled>(Org.CancelMultiSigTx, second.PendingTxId, "s2");
        Assert.Equal(400 * Coin, _ledger.Balance("acme"));
    }

    [Fact]
    public void A_pending_transfer_expires_after_the_configured_days_and_can_then_only_be_cancelled()
    {
        ActivateWithRule(10, 2, ["s1", "s2"]);
        var pending = _ledger.Submit<MultiSigTxInitiated>(Org.InitiateMultiSigTx, "acme", "s1", "payee", Qirat(50 * Coin), "");
        var change = _ledger.Submit<AuthRuleChangeProposed>(Org.DefineAuthRule, "acme", "s1", "1", "1", """["s1"]""");
        Assert.Equal(_ledger.Now.AddDays(GxParameters.DefaultOf(GxParameters.MultiSigExpiryDays)), change.ExpiresAt);

        _ledger.Now = _ledger.Now.AddDays(7);
        _ledger.Refused(409, Org.ApproveMultiSigTx, pending.PendingTxId, "s2");
        _ledger.Refused(409, Org.ApproveMultiSigTx, change.PendingTxId, "s2");
        _ledger.Submit<MultiSigTxCancelled>(Org.CancelMultiSigTx, pending.PendingTxId, "s2");
        Assert.Equal(400 * Coin, _ledger.Balance("acme"));

        // A shorter governed expiry applies to transfers initiated afterwards.
        _ledger.Role = CallerRoles.SuperAdmin;
        _ledger.Submit<SystemParameterUpdated>(GxChaincode.Admin.UpdateSystemParameter, GxParameters.MultiSigExpiryDays, "1");
        _ledger.Role = CallerRoles.PartnerApi;
        var quick = _ledger.Submit<MultiSigTxInitiated>(Org.InitiateMultiSigTx, "acme", "s1", "payee", Qirat(50 * Coin), "");
        _ledger.Now = _ledger.Now.AddHours(23);
        _ledger.Submit<MultiSigTxExecuted>(Org.ApproveMultiSigTx, quick.PendingTxId, "s2");
    }
}
