using System.Net;
using GxProtocol.Backend.Tests.Support;
using static GxProtocol.Backend.Tests.Services.OrganizationTestSteps;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>Every organization route on the shared backend: success, 401, 403/404, 400 with the field, and the rules' 4xx.</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class OrganizationRouteTests(ServicesBackend backend)
{
    [Fact]
    public async Task A_stakeholder_proposes_an_organization_that_stakeholders_and_admins_can_read_and_others_cannot()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        using var mallory = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();
        var orgId = NewOrgId();

        var proposed = await CommittedAsync(alice.Client, $"{Api}/organizations", Proposal(orgId, alice, bob));
        Assert.Equal("OrganizationContract:ProposeOrganization", proposed["transactionName"]);

        var read = await Eventually.MatchesAsync(() => bob.Client.GetAsync($"{Api}/organizations/{orgId}"),
            r => r.Status == HttpStatusCode.OK && r["status"] == "PROPOSED", "the proposal to be on chain");
        Assert.Equal(alice.UserId, read["proposerId"]);
        Assert.Equal("MY", read["country"]);
        Assert.Equal(alice.UserId, read.Json["endorsedBy"]![0]!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await backend.SuperAdmin.GetAsync($"{Api}/organizations/{orgId}")).Status);
        AssertProblem(await mallory.Client.GetAsync($"{Api}/organizations/{orgId}"), HttpStatusCode.NotFound);
        AssertProblem(await mallory.Client.GetAsync($"{Api}/organizations/no-such-org"), HttpStatusCode.NotFound);
        AssertProblem(await anonymous.GetAsync($"{Api}/organizations/{orgId}"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_proposal_is_refused_without_a_token_by_an_outsider_and_when_malformed()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();
        var path = $"{Api}/organizations";

        AssertProblem(await anonymous.PostAsync(path, Proposal(NewOrgId(), alice, bob)), HttpStatusCode.Unauthorized);
        AssertProblem(await alice.Client.PostAsync(path, Proposal(NewOrgId(), bob)), HttpStatusCode.Forbidden, "not_a_stakeholder");
        AssertProblem(await alice.Client.PostAsync(path, new { orgId = NewOrgId(), orgName = "", orgType = "club", stakeholderIds = new[] { alice.UserId } }),
            HttpStatusCode.BadRequest, "validation_failed", "orgType");
        AssertProblem(await alice.Client.PostAsync(path, new { orgId = "bad id!", orgName = "x", orgType = "business", stakeholderIds = new[] { alice.UserId } }),
            HttpStatusCode.BadRequest, "validation_failed", "orgId");
        AssertProblem(await alice.Client.PostAsync(path, new { orgId = NewOrgId(), orgName = "x", orgType = "business", stakeholderIds = new[] { alice.UserId, alice.UserId } }),
            HttpStatusCode.BadRequest, "validation_failed", "stakeholderIds");
        var missing = await alice.Client.PostAsync(path, new { orgId = NewOrgId(), orgType = "business", stakeholderIds = new[] { alice.UserId } });
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Contains("orgName", missing.Body);
    }

    [Fact]
    public async Task A_proposal_needs_a_free_id_and_registered_active_stakeholders()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        using var newcomer = await backend.NewRegisteredUserAsync();
        var path = $"{Api}/organizations";
        var orgId = NewOrgId();
        await CommittedAsync(alice.Client, path, Proposal(orgId, alice));

        AssertProblem(await bob.Client.PostAsync(path, Proposal(orgId, bob)), HttpStatusCode.Conflict, "organization_exists");
        var unknown = await alice.Client.PostAsync(path, new { orgId = NewOrgId(), orgName = "x", orgType = "nonprofit", stakeholderIds = new[] { alice.UserId, Guid.NewGuid().ToString() } });
        AssertProblem(unknown, HttpStatusCode.NotFound, "stakeholder_not_found");
        Assert.Contains("stakeholderIds", unknown["detail"]);
        AssertProblem(await alice.Client.PostAsync(path, Proposal(NewOrgId(), alice, newcomer)), HttpStatusCode.UnprocessableEntity, "stakeholder_not_active", "stakeholderIds");
    }

    [Fact]
    public async Task Each_stakeholder_endorses_once_and_activation_waits_for_every_endorsement()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        using var carol = await backend.NewActiveUserAsync();
        using var mallory = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();
        var orgId = NewOrgId();
        await CommittedAsync(alice.Client, $"{Api}/organizations", Proposal(orgId, alice, bob, carol));
        var endorse = $"{Api}/organizations/{orgId}/endorse";
        var activate = $"{Api}/organizations/{orgId}/activate";

        AssertProblem(await alice.Client.PostAsync(endorse), HttpStatusCode.Conflict, "already_endorsed");
        await CommittedAsync(bob.Client, endorse);
        AssertProblem(await bob.Client.PostAsync(endorse), HttpStatusCode.Conflict, "already_endorsed");
        AssertProblem(await mallory.Client.PostAsync(endorse), HttpStatusCode.NotFound);
        AssertProblem(await anonymous.PostAsync(endorse), HttpStatusCode.Unauthorized);
        AssertProblem(await alice.Client.PostAsync(activate), HttpStatusCode.Conflict, "not_all_endorsed");

        await CommittedAsync(carol.Client, endorse);
        AssertProblem(await mallory.Client.PostAsync(activate), HttpStatusCode.NotFound);
        AssertProblem(await anonymous.PostAsync(activate), HttpStatusCode.Unauthorized);
        await CommittedAsync(bob.Client, activate);
        AssertProblem(await alice.Client.PostAsync(activate), HttpStatusCode.Conflict, "already_active");
        var active = await Eventually.MatchesAsync(() => alice.Client.GetAsync($"{Api}/organizations/{orgId}"),
            r => r.Status == HttpStatusCode.OK && r["status"] == "ACTIVE", $"{orgId} to be ACTIVE");
        Assert.Equal(3, active.Json["endorsedBy"]!.AsArray().Count);
        Assert.Equal("0", active["balance"]);
    }

    [Fact]
    public async Task A_rule_names_stakeholders_as_approvers_and_a_possible_number_of_approvals()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        using var mallory = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();
        var proposedOnly = NewOrgId();
        await CommittedAsync(alice.Client, $"{Api}/organizations", Proposal(proposedOnly, alice));
        AssertProblem(await alice.Client.PostAsync($"{Api}/organizations/{proposedOnly}/rules",
            new { amountThreshold = "10", requiredApprovals = 1, approverIds = new[] { alice.UserId } }), HttpStatusCode.Conflict, "not_active");

        var orgId = await ActiveOrganizationAsync(alice, bob);
        var rules = $"{Api}/organizations/{orgId}/rules";
        AssertProblem(await alice.Client.PostAsync(rules, new { amountThreshold = "10", requiredApprovals = 1, approverIds = new[] { alice.UserId, mallory.UserId } }),
            HttpStatusCode.BadRequest, "validation_failed", "approverIds");
        AssertProblem(await alice.Client.PostAsync(rules, new { amountThreshold = "10", requiredApprovals = 3, approverIds = new[] { alice.UserId, bob.UserId } }),
            HttpStatusCode.BadRequest, "validation_failed", "requiredApprovals");
        AssertProblem(await alice.Client.PostAsync(rules, new { amountThreshold = "10", requiredApprovals = 0, approverIds = new[] { alice.UserId } }),
            HttpStatusCode.BadRequest, "validation_failed", "requiredApprovals");
        var badAmount = await alice.Client.PostAsync(rules, new { amountThreshold = "-1", requiredApprovals = 1, approverIds = new[] { alice.UserId } });
        Assert.Equal(HttpStatusCode.BadRequest, badAmount.Status);
        Assert.Contains("amountThreshold", badAmount.Body);
        AssertProblem(await mallory.Client.PostAsync(rules, new { amountThreshold = "10", requiredApprovals = 1, approverIds = new[] { alice.UserId } }), HttpStatusCode.NotFound);
        AssertProblem(await anonymous.PostAsync(rules, new { amountThreshold = "10", requiredApprovals = 1, approverIds = new[] { alice.UserId } }), HttpStatusCode.Unauthorized);

        await CommittedAsync(bob.Client, rules, new { amountThreshold = "10.5", requiredApprovals = 2, approverIds = new[] { alice.UserId, bob.UserId } });
        var read = await Eventually.MatchesAsync(() => alice.Client.GetAsync($"{Api}/organizations/{orgId}"),
            r => r.Status == HttpStatusCode.OK && r.Json["rule"]?["amountThreshold"]?.ToString() == "10.5", "the rule to be shown");
        Assert.Equal("2", read.Json["rule"]!["requiredApprovals"]!.ToString());
    }

    [Fact]
    public async Task A_transfer_is_initiated_only_by_an_approver_under_a_rule_from_a_funded_wallet()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        using var mallory = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();
        var orgId = await ActiveOrganizationAsync(alice, bob);
        var transactions = $"{Api}/organizations/{orgId}/transactions";
        var transfer = new { toUserId = mallory.UserId, amount = "5", remark = "supplies" };

        AssertProblem(await alice.Client.PostAsync(transactions, transfer), HttpStatusCode.Conflict, "no_auth_rule");
        await CommittedAsync(alice.Client, $"{Api}/organizations/{orgId}/rules", new { amountThreshold = "10", requiredApprovals = 1, approverIds = new[] { alice.UserId } });

        AssertProblem(await bob.Client.PostAsync(transactions, transfer), HttpStatusCode.Forbidden, "not_an_approver");
        AssertProblem(await mallory.Client.PostAsync(transactions, transfer), HttpStatusCode.NotFound);
        AssertProblem(await anonymous.PostAsync(transactions, transfer), HttpStatusCode.Unauthorized);
        var badAmount = await alice.Client.PostAsync(transactions, new { toUserId = mallory.UserId, amount = "1.0000001" });
        Assert.Equal(HttpStatusCode.BadRequest, badAmount.Status);
        Assert.Contains("amount", badAmount.Body);
        AssertProblem(await alice.Client.PostAsync(transactions, new { toUserId = Guid.Empty, amount = "5" }), HttpStatusCode.BadRequest, "validation_failed", "toUserId");
        AssertProblem(await alice.Client.PostAsync(transactions, new { toUserId = Guid.NewGuid(), amount = "5" }), HttpStatusCode.NotFound, "recipient_not_found");
        AssertProblem(await alice.Client.PostAsync(transactions, transfer), HttpStatusCode.UnprocessableEntity, "insufficient_funds", "amount");
    }

    [Fact]
    public async Task The_pending_list_is_for_stakeholders_and_approving_an_unknown_transaction_is_not_found()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var mallory = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();
        var orgId = NewOrgId();
        await CommittedAsync(alice.Client, $"{Api}/organizations", Proposal(orgId, alice));
        var pending = $"{Api}/organizations/{orgId}/transactions/pending";

        var list = await alice.Client.GetAsync(pending);
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Empty(list.Json["items"]!.AsArray());
        AssertProblem(await mallory.Client.GetAsync(pending), HttpStatusCode.NotFound);
        AssertProblem(await anonymous.GetAsync(pending), HttpStatusCode.Unauthorized);

        AssertProblem(await alice.Client.PostAsync($"{Api}/transactions/{Guid.NewGuid()}/approve"), HttpStatusCode.NotFound);
        AssertProblem(await anonymous.PostAsync($"{Api}/transactions/{Guid.NewGuid()}/approve"), HttpStatusCode.Unauthorized);
    }
}
