using System.Net;
using GxProtocol.Backend.Tests.Support;
using GxProtocol.Contract;
using static GxProtocol.Backend.Tests.Services.OrganizationTestSteps;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>Multi-signature transfers end to end, with the organization funded on the ledger (see <see cref="OrganizationFlowBackend"/>).</summary>
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class OrganizationMultiSigFlowTests(OrganizationFlowBackend backend) : IClassFixture<OrganizationFlowBackend>
{
    [Fact]
    public async Task A_small_transfer_executes_at_once_and_a_large_one_waits_for_the_second_approver()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        using var carol = await backend.NewActiveUserAsync();
        using var dave = await backend.NewActiveUserAsync();
        var orgId = await FundedOrganizationAsync(alice, bob, carol);
        var transactions = $"{Api}/organizations/{orgId}/transactions";

        var small = await CommittedAsync(alice.Client, transactions, new { toUserId = carol.UserId, amount = "5", remark = "small" });
        Assert.True(Guid.TryParse(small["pendingTxId"], out _), small.ToString());
        await JourneyDriver.WaitForBalanceAsync(carol.Client, carol.UserId, "505");

        var large = await CommittedAsync(alice.Client, transactions, new { toUserId = carol.UserId, amount = "50", remark = "large" });
        var pendingTxId = large["pendingTxId"];
        var pending = await Eventually.MatchesAsync(() => bob.Client.GetAsync($"{transactions}/pending"),
            r => r.Status == HttpStatusCode.OK && r.Json["items"]!.AsArray().Count == 1 && r.Json["items"]![0]!["status"]!.ToString() == "PENDING",
            "the large transfer to be pending on chain");
        var item = pending.Json["items"]![0]!;
        Assert.Equal(pendingTxId, item["pendingTxId"]!.ToString());
        Assert.Equal("50", item["amount"]!.ToString());
        Assert.Equal(alice.UserId, item["approvals"]![0]!.ToString());
        Assert.Equal("505", (await carol.Client.GetAsync($"/tokenomics/api/v1/wallets/{carol.UserId}/balance"))["balance"]);

        var approve = $"{Api}/transactions/{pendingTxId}/approve";
        AssertProblem(await alice.Client.PostAsync(approve), HttpStatusCode.Conflict, "already_approved");
        AssertProblem(await carol.Client.PostAsync(approve), HttpStatusCode.Forbidden, "not_an_approver");
        AssertProblem(await dave.Client.PostAsync(approve), HttpStatusCode.NotFound);
        using var anonymous = backend.Anonymous();
        AssertProblem(await anonymous.PostAsync(approve), HttpStatusCode.Unauthorized);

        var executed = await CommittedAsync(bob.Client, approve);
        Assert.Equal("OrganizationContract:ApproveMultiSigTx", executed["transactionName"]);
        await JourneyDriver.WaitForBalanceAsync(carol.Client, carol.UserId, "555");
        await Eventually.MatchesAsync(() => bob.Client.GetAsync($"{transactions}/pending"),
            r => r.Status == HttpStatusCode.OK && r.Json["items"]!.AsArray().Count == 0, "the executed transfer to leave the pending list");
        // 200 funded - (5 + 0.0025 fee) - (50 + 0.025 fee): the organization pays the whole fee.
        await Eventually.MatchesAsync(() => alice.Client.GetAsync($"{Api}/organizations/{orgId}"),
            r => r.Status == HttpStatusCode.OK && r["balance"] == "144.9725" && r["pendingHolds"] == "0", "the organization's balance after both transfers");
        AssertProblem(await bob.Client.PostAsync(approve), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_transfer_the_grain_accepts_but_the_chaincode_refuses_ends_failed_and_releases_its_hold()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        var orgId = await FundedOrganizationAsync(alice, bob);
        // Frozen behind the grain's back: WalletFrozen names the wallet as a user id, so it never reaches the organization.
        await backend.SubmitOnLedgerAsync(GxChaincode.Tokenomics.FreezeWallet, orgId, "investigation");
        try
        {
            var refused = await alice.Client.PostAsync($"{Api}/organizations/{orgId}/transactions",
                new { toUserId = bob.UserId, amount = "5" }, preferWait: 20);

            Assert.True(refused.Status == HttpStatusCode.OK && refused["status"] == "FAILED", refused.ToString());
            Assert.Contains("frozen", refused["reason"]);
            var org = await Eventually.MatchesAsync(() => alice.Client.GetAsync($"{Api}/organizations/{orgId}"),
                r => r.Status == HttpStatusCode.OK && r["pendingHolds"] == "0", "the failed transfer's hold to be released");
            Assert.Equal("200", org["balance"]);
        }
        finally
        {
            await backend.SubmitOnLedgerAsync(GxChaincode.Tokenomics.UnfreezeWallet, orgId);
        }
        await CommittedAsync(alice.Client, $"{Api}/organizations/{orgId}/transactions", new { toUserId = bob.UserId, amount = "5" });
    }

    [Fact]
    public async Task While_the_system_is_paused_transfers_are_refused_before_the_ledger()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        var orgId = await FundedOrganizationAsync(alice, bob);
        await backend.SubmitOnLedgerAsync(GxChaincode.Admin.PauseSystem, "maintenance");
        try
        {
            await Eventually.MatchesAsync(() => backend.SuperAdmin.GetAsync("/admin/api/v1/system/status"),
                r => r.Status == HttpStatusCode.OK && r["paused"] == "true", "the system grain to see the pause");
            AssertProblem(await alice.Client.PostAsync($"{Api}/organizations/{orgId}/transactions", new { toUserId = bob.UserId, amount = "5" }),
                HttpStatusCode.Conflict, "system_paused");
        }
        finally
        {
            await backend.SubmitOnLedgerAsync(GxChaincode.Admin.ResumeSystem);
        }
        await Eventually.MatchesAsync(() => backend.SuperAdmin.GetAsync("/admin/api/v1/system/status"),
            r => r.Status == HttpStatusCode.OK && r["paused"] == "false", "the system grain to see the resumption");
    }

    /// <summary>An ACTIVE organization of the given users with a rule (10 coins, 2 of the first two) and 200 coins paid in by the first.</summary>
    [Fact]
    public async Task A_rule_change_waits_for_the_current_rules_approvals_and_a_pending_transfer_can_be_cancelled()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        using var carol = await backend.NewActiveUserAsync();
        using var dave = await backend.NewActiveUserAsync();
        var orgId = await FundedOrganizationAsync(alice, bob, carol);
        var transactions = $"{Api}/organizations/{orgId}/transactions";

        // Alice alone tries to make herself sole approver above any amount: accepted as a proposal only.
        await CommittedAsync(alice.Client, $"{Api}/organizations/{orgId}/rules",
            new { amountThreshold = "1250000000000", requiredApprovals = 1, approverIds = new[] { alice.UserId } });
        AssertProblem(await carol.Client.PostAsync($"{Api}/organizations/{orgId}/rules",
            new { amountThreshold = "1", requiredApprovals = 1, approverIds = new[] { carol.UserId } }), HttpStatusCode.Forbidden, "not_an_approver");
        var transfer = await CommittedAsync(alice.Client, transactions, new { toUserId = carol.UserId, amount = "50", remark = "to carol" });
        var pending = await Eventually.MatchesAsync(() => bob.Client.GetAsync($"{transactions}/pending"),
            r => r.Status == HttpStatusCode.OK && r.Json["items"]!.AsArray().Count == 2 && r.Json["items"]!.AsArray().All(i => i!["status"]!.ToString() == "PENDING"),
            "the rule change and the transfer to be pending");
        Assert.Equal("RULE_CHANGE", pending.Json["items"]![0]!["kind"]!.ToString());
        Assert.Equal("TRANSFER", pending.Json["items"]![1]!["kind"]!.ToString());
        Assert.Equal("500", (await carol.Client.GetAsync($"/tokenomics/api/v1/wallets/{carol.UserId}/balance"))["balance"]);

        var cancel = $"{Api}/transactions/{transfer["pendingTxId"]}/cancel";
        AssertProblem(await dave.Client.PostAsync(cancel), HttpStatusCode.NotFound);
        AssertProblem(await carol.Client.PostAsync(cancel), HttpStatusCode.Forbidden, "not_an_approver");
        await CommittedAsync(bob.Client, cancel);
        await Eventually.MatchesAsync(() => bob.Client.GetAsync($"{transactions}/pending"),
            r => r.Status == HttpStatusCode.OK && r.Json["items"]!.AsArray().Count == 1, "the cancelled transfer to leave the pending list");
        AssertProblem(await bob.Client.PostAsync($"{Api}/transactions/{transfer["pendingTxId"]}/approve"), HttpStatusCode.NotFound);
        Assert.Equal("200", (await alice.Client.GetAsync($"{Api}/organizations/{orgId}"))["balance"]);
    }

    private async Task<string> FundedOrganizationAsync(params RegisteredUser[] stakeholders)
    {
        var orgId = await ActiveOrganizationAsync(stakeholders);
        await CommittedAsync(stakeholders[0].Client, $"{Api}/organizations/{orgId}/rules",
            new { amountThreshold = "10", requiredApprovals = 2, approverIds = new[] { stakeholders[0].UserId, stakeholders[1].UserId } });
        await backend.FundAsync(stakeholders[0].UserId, orgId, 200);
        await Eventually.MatchesAsync(() => stakeholders[0].Client.GetAsync($"{Api}/organizations/{orgId}"),
            r => r.Status == HttpStatusCode.OK && r["balance"] == "200" && r.Json["rule"] is not null, $"{orgId} to be funded with its rule");
        return orgId;
    }
}
