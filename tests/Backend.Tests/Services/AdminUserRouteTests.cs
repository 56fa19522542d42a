using System.Net;
using System.Text.Json.Nodes;
using GxProtocol.Backend.Tests.Support;
using static GxProtocol.Backend.Tests.Support.AdminTestSupport;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>User administration from the read models: the list, one user whole, counts per status.</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class AdminUserRouteTests(ServicesBackend backend)
{
    private const string Admin = "/admin/api/v1";

    [Fact]
    public async Task An_admin_finds_the_pending_user_through_the_list_and_sees_them_whole_through_activation()
    {
        var email = $"{Guid.NewGuid():N}@services.test";
        using var user = await backend.Journey.RegisterAsync(email, "MY");
        var kyc = await user.Client.PostAsync($"/identity/api/v1/users/{user.UserId}/kyc",
            new { evidenceHash = new string('b', 64), evidenceSize = 4096, evidenceMime = "image/png" });
        Assert.Equal(HttpStatusCode.OK, kyc.Status);

        // The admin knows only that someone waits: the list by status, narrowed by a part of the address, names them.
        var pending = await backend.SuperAdmin.GetAsync($"{Admin}/users?status=PENDING_ADMIN_APPROVAL&search={email[..12].ToUpperInvariant()}");
        var listed = Assert.Single(pending.Json["items"]!.AsArray())!;
        Assert.Equal((user.UserId, email, "PENDING_ADMIN_APPROVAL", "PENDING_ADMIN_APPROVAL"),
            (listed["userId"]!.ToString(), listed["email"]!.ToString(), listed["status"]!.ToString(), listed["kycStatus"]!.ToString()));

        var approve = await backend.SuperAdmin.PostAsync($"{Admin}/users/{listed["userId"]}/approve", preferWait: 20);
        AssertCommitted(approve, "approve");
        // ACTIVE comes from the ledger's event reaching the user's grain; the row follows it.
        var detail = await Eventually.MatchesAsync(() => backend.SuperAdmin.GetAsync($"{Admin}/users/{user.UserId}"),
            r => r.Status == HttpStatusCode.OK && r.Json["statusHistory"]!.AsArray().Count == 4, "the history to reach ACTIVE");
        Assert.Equal(["REGISTERED", "PENDING_ADMIN_APPROVAL", "APPROVED_PENDING_ONCHAIN", "ACTIVE"],
            detail.Json["statusHistory"]!.AsArray().Select(h => h!["status"]!.ToString()));
        Assert.Equal("ACTIVE", detail.Json["profile"]!["status"]!.ToString());
        Assert.Equal("APPROVED", detail.Json["kyc"]!["status"]!.ToString());
        Assert.Equal("500", detail.Json["wallet"]!["balance"]!.ToString());
        Assert.True(detail.Json["trustScore"]!["score"]!.GetValue<int>() > 0, detail.ToString());
        var active = await backend.SuperAdmin.GetAsync($"{Admin}/users?status=ACTIVE&search={email}");
        Assert.Equal(user.UserId, Assert.Single(active.Json["items"]!.AsArray())!["userId"]!.ToString());
        Assert.Empty((await backend.SuperAdmin.GetAsync($"{Admin}/users?status=PENDING_ADMIN_APPROVAL&search={email}")).Json["items"]!.AsArray());
    }

    [Fact]
    public async Task A_frozen_wallet_lists_as_FROZEN_and_back_to_ACTIVE()
    {
        using var user = await backend.NewActiveUserAsync();
        var email = (await user.Client.GetAsync($"/identity/api/v1/users/{user.UserId}"))["email"];
        AssertCommitted(await backend.SuperAdmin.PostAsync($"/tokenomics/api/v1/wallets/{user.UserId}/freeze", new { reason = "review" }, preferWait: 20), "freeze");
        await Eventually.MatchesAsync(() => backend.SuperAdmin.GetAsync($"{Admin}/users?status=FROZEN&search={email}"),
            r => r.Json["items"]!.AsArray().Count == 1, "the user to list as FROZEN");
        AssertCommitted(await backend.SuperAdmin.PostAsync($"/tokenomics/api/v1/wallets/{user.UserId}/unfreeze", preferWait: 20), "unfreeze");
        await Eventually.MatchesAsync(() => backend.SuperAdmin.GetAsync($"{Admin}/users?status=ACTIVE&search={email}"),
            r => r.Json["items"]!.AsArray().Count == 1, "the user to list as ACTIVE again");
    }

    [Fact]
    public async Task Counts_per_status_on_the_counters_match_the_list()
    {
        using var registered = await backend.NewRegisteredUserAsync();
        // Other tests' approvals may still be moving users between statuses: take counts and list from a quiet moment.
        await Eventually.MatchesAsync(async () =>
        {
            var counters = await backend.SuperAdmin.GetAsync($"{Admin}/counters");
            var mismatches = new List<string>();
            foreach (var (status, count) in counters.Json["usersByStatus"]!.AsObject())
            {
                var listed = await CountListedAsync(status);
                if (listed != count!.GetValue<long>())
                {
                    mismatches.Add($"{status}: counters {count}, list {listed}");
                }
            }
            return mismatches;
        }, mismatches => mismatches.Count == 0, "the counters to agree with the list");

        var counts = (await backend.SuperAdmin.GetAsync($"{Admin}/counters")).Json["usersByStatus"]!.AsObject();
        Assert.Equal(["REGISTERED", "PENDING_ADMIN_APPROVAL", "APPROVED_PENDING_ONCHAIN", "ACTIVE", "DENIED", "FROZEN"], counts.Select(p => p.Key));
        Assert.True(counts["REGISTERED"]!.GetValue<long>() >= 1);
    }

    [Fact]
    public async Task Bad_filters_get_problems_naming_the_field_and_only_admins_may_look()
    {
        using var user = await backend.NewRegisteredUserAsync();
        using var anonymous = backend.Anonymous();

        AssertProblem(await backend.SuperAdmin.GetAsync($"{Admin}/users?status=SLEEPING"), HttpStatusCode.BadRequest, field: "status");
        AssertProblem(await backend.SuperAdmin.GetAsync($"{Admin}/users?limit=0"), HttpStatusCode.BadRequest, field: "limit");
        AssertProblem(await backend.SuperAdmin.GetAsync($"{Admin}/users?limit=abc"), HttpStatusCode.BadRequest);
        AssertProblem(await backend.SuperAdmin.GetAsync($"{Admin}/users?cursor=-1"), HttpStatusCode.BadRequest, field: "cursor");
        AssertProblem(await backend.SuperAdmin.GetAsync($"{Admin}/users?search={new string('x', 101)}"), HttpStatusCode.BadRequest, field: "search");
        AssertProblem(await backend.SuperAdmin.GetAsync($"{Admin}/users/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        AssertProblem(await backend.SuperAdmin.GetAsync($"{Admin}/users/not-a-guid"), HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.GetAsync($"{Admin}/users")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.GetAsync($"{Admin}/users/{user.UserId}")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Admin}/users")).Status);
    }

    [Fact]
    public async Task Pages_follow_the_cursor_without_repeating_anyone()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        for (var i = 0; i < 3; i++)
        {
            using var _ = await backend.Journey.RegisterAsync($"{marker}{i}@services.test", "MY");
        }
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await backend.SuperAdmin.GetAsync($"{Admin}/users?search={marker}&limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page.Json["items"]!.AsArray().Select(u => u!["email"]!.ToString()));
            cursor = page.Json["nextCursor"]?.ToString();
        }
        while (cursor is not null);
        Assert.Equal([$"{marker}2@services.test", $"{marker}1@services.test", $"{marker}0@services.test"], seen);
    }

    private async Task<long> CountListedAsync(string status)
    {
        long count = 0;
        string? cursor = null;
        do
        {
            var page = await backend.SuperAdmin.GetAsync($"{Admin}/users?status={status}&limit=100{(cursor is null ? "" : $"&cursor={cursor}")}");
            count += page.Json["items"]!.AsArray().Count;
            cursor = page.Json["nextCursor"]?.ToString();
        }
        while (cursor is not null);
        return count;
    }
}
