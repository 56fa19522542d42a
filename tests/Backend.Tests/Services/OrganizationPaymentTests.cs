using System.Net;
using GxProtocol.Backend.Tests.Support;
using static GxProtocol.Backend.Tests.Services.OrganizationTestSteps;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>Anyone may pay an active organization through the ordinary transfer route; the payer bears the whole fee.</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class OrganizationPaymentTests(ServicesBackend backend)
{
    private const string Transfers = "/tokenomics/api/v1/transfers";

    [Fact]
    public async Task A_user_pays_an_active_organization_and_bears_the_whole_fee()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        using var carol = await backend.NewActiveUserAsync();
        var orgId = await ActiveOrganizationAsync(alice, bob);

        var paid = await carol.Client.PostAsync(Transfers, new { toOrgId = orgId, amount = "200", remark = "dues" }, preferWait: 20);

        Assert.True(paid.Status == HttpStatusCode.OK && paid["status"] == "COMMITTED", $"payment: {paid}");
        // 200 coins within MY: 10 bps = 0.2 coins, all of it from the payer (an organization takes no share).
        await JourneyDriver.WaitForBalanceAsync(carol.Client, carol.UserId, "299.8");
        await Eventually.MatchesAsync(() => alice.Client.GetAsync($"{Api}/organizations/{orgId}"),
            r => r.Status == HttpStatusCode.OK && r["balance"] == "200", $"{orgId} to hold 200 coins");
    }

    [Fact]
    public async Task Payments_to_missing_or_inactive_organizations_and_ambiguous_recipients_are_refused()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        var proposed = NewOrgId();
        await CommittedAsync(alice.Client, $"{Api}/organizations", Proposal(proposed, alice, bob));

        AssertProblem(await alice.Client.PostAsync(Transfers, new { toOrgId = proposed, amount = "5" }), HttpStatusCode.UnprocessableEntity, "recipient_not_active", "toOrgId");
        AssertProblem(await alice.Client.PostAsync(Transfers, new { toOrgId = NewOrgId(), amount = "5" }), HttpStatusCode.NotFound, "recipient_not_found");
        AssertProblem(await alice.Client.PostAsync(Transfers, new { toUserId = bob.UserId, toOrgId = proposed, amount = "5" }), HttpStatusCode.BadRequest, field: "toUserId");
        AssertProblem(await alice.Client.PostAsync(Transfers, new { amount = "5" }), HttpStatusCode.BadRequest, field: "toUserId");
        AssertProblem(await alice.Client.PostAsync(Transfers, new { toOrgId = bob.UserId, amount = "5" }), HttpStatusCode.BadRequest, field: "toOrgId");
        await JourneyDriver.WaitForBalanceAsync(alice.Client, alice.UserId, "500");
    }
}
