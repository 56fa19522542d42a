using System.Net;
using GxProtocol.Backend.Tests.Support;
using static GxProtocol.Backend.Tests.Support.AdminTestSupport;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>The admin service's system commands: parameters, pause and resume, admin appointment, treasury activation.</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class AdminSystemRouteTests(ServicesBackend backend)
{
    private const string Admin = "/admin/api/v1";

    [Fact]
    public async Task A_parameter_update_commits_and_shows_in_the_parameter_read()
    {
        // maxLoanDurationDays is restored afterwards: other services' tests share this ledger.
        const string path = $"{Admin}/parameters/maxLoanDurationDays";
        var before = await backend.SuperAdmin.GetAsync(path);
        Assert.True(before.Status == HttpStatusCode.OK, before.ToString());
        Assert.Equal("365", before["defaultValue"]);
        var original = long.Parse(before["value"]);
        try
        {
            var update = await backend.SuperAdmin.PostAsync($"{Admin}/parameters", new { paramId = "maxLoanDurationDays", newValue = original + 7 }, preferWait: 20);
            AssertCommitted(update, "parameter update");
            Assert.Equal("AdminContract:UpdateSystemParameter", update["transactionName"]);
            await Eventually.MatchesAsync(() => backend.SuperAdmin.GetAsync(path),
                r => r.Status == HttpStatusCode.OK && r["value"] == (original + 7).ToString(), "the new maxLoanDurationDays");
        }
        finally
        {
            AssertCommitted(await backend.SuperAdmin.PostAsync($"{Admin}/parameters", new { paramId = "maxLoanDurationDays", newValue = original }, preferWait: 20), "restore");
            await Eventually.MatchesAsync(() => backend.SuperAdmin.GetAsync(path), r => r["value"] == original.ToString(), "maxLoanDurationDays restored");
        }
    }

    [Fact]
    public async Task Parameter_routes_refuse_bad_names_values_and_callers()
    {
        using var user = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();

        AssertProblem(await backend.SuperAdmin.PostAsync($"{Admin}/parameters", new { paramId = "noSuchParameter", newValue = 1 }),
            HttpStatusCode.BadRequest, field: "paramId");
        AssertProblem(await backend.SuperAdmin.PostAsync($"{Admin}/parameters", new { paramId = "votingPeriodDays", newValue = 0 }),
            HttpStatusCode.BadRequest, field: "newValue");
        AssertProblem(await backend.SuperAdmin.PostAsync($"{Admin}/parameters", new { paramId = " ", newValue = 5 }),
            HttpStatusCode.BadRequest, field: "paramId");
        AssertProblem(await backend.SuperAdmin.GetAsync($"{Admin}/parameters/noSuchParameter"), HttpStatusCode.NotFound);
        Assert.Equal("14", (await backend.SuperAdmin.GetAsync($"{Admin}/parameters/votingPeriodDays"))["defaultValue"]);

        Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.PostAsync($"{Admin}/parameters", new { paramId = "votingPeriodDays", newValue = 10 })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.GetAsync($"{Admin}/parameters/votingPeriodDays")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"{Admin}/parameters", new { paramId = "votingPeriodDays", newValue = 10 })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Admin}/parameters/votingPeriodDays")).Status);
    }

    [Fact]
    public async Task While_paused_a_transfer_is_refused_without_the_ledger_and_after_resume_it_commits()
    {
        using var alice = await backend.NewActiveUserAsync();
        using var bob = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();
        var transfer = new { toUserId = bob.UserId, amount = "10" };

        Assert.Equal(HttpStatusCode.Forbidden, (await alice.Client.PostAsync($"{Admin}/system/pause", new { reason = "x" })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"{Admin}/system/pause", new { reason = "x" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.Client.PostAsync($"{Admin}/system/resume")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"{Admin}/system/resume")).Status);
        AssertProblem(await backend.SuperAdmin.PostAsync($"{Admin}/system/pause", new { reason = "" }), HttpStatusCode.BadRequest, field: "reason");
        AssertProblem(await backend.SuperAdmin.PostAsync($"{Admin}/system/resume"), HttpStatusCode.Conflict, "not_paused");

        var pauseCommitted = false;
        try
        {
            var pause = await backend.SuperAdmin.PostAsync($"{Admin}/system/pause", new { reason = "ledger maintenance" }, preferWait: 20);
            pauseCommitted = pause.Status == HttpStatusCode.OK && pause["status"] == "COMMITTED";
            AssertCommitted(pause, "pause");
            // Refused as soon as the pause committed, even before its event reached the system grain.
            AssertProblem(await alice.Client.PostAsync("/tokenomics/api/v1/transfers", transfer), HttpStatusCode.Conflict, "system_paused");
            await Eventually.MatchesAsync(() => backend.SuperAdmin.GetAsync($"{Admin}/system/status"),
                r => r.Json["paused"]?.GetValue<bool>() == true && r["pauseReason"] == "ledger maintenance", "the status to show the pause");
            AssertProblem(await backend.SuperAdmin.PostAsync($"{Admin}/system/pause", new { reason = "again" }), HttpStatusCode.Conflict, "already_paused");

            // A 409 instead of 202: the user grain refused the command, so nothing was handed to the ledger or held.
            AssertProblem(await alice.Client.PostAsync("/tokenomics/api/v1/transfers", transfer), HttpStatusCode.Conflict, "system_paused");
            var wallet = await alice.Client.GetAsync($"/tokenomics/api/v1/wallets/{alice.UserId}/balance");
            Assert.Equal("0", wallet["pendingHolds"]);
            Assert.Equal("500", wallet["balance"]);

            AssertCommitted(await backend.SuperAdmin.PostAsync($"{Admin}/system/resume", preferWait: 20), "resume");
            pauseCommitted = false;
            await Eventually.MatchesAsync(() => backend.SuperAdmin.GetAsync($"{Admin}/system/status"),
                r => r.Json["paused"]?.GetValue<bool>() == false && r.Json["pauseReason"] is null, "the status to show the resume");
        }
        finally
        {
            if (pauseCommitted)
            {
                await ResumeAfterFailureAsync();
            }
        }

        AssertCommitted(await alice.Client.PostAsync("/tokenomics/api/v1/transfers", transfer, preferWait: 20), "transfer after resume");
    }

    [Fact]
    public async Task An_appointed_admin_logs_in_as_admin_and_reaches_admin_but_not_super_admin_routes()
    {
        var email = $"{Guid.NewGuid():N}@services.test";
        using var user = await backend.Journey.RegisterActiveUserAsync(backend.SuperAdmin, email, "MY");
        using var other = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.GetAsync($"{Admin}/counters")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.PostAsync($"{Admin}/admins", new { newAdminId = user.UserId })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"{Admin}/admins", new { newAdminId = user.UserId })).Status);
        AssertProblem(await backend.SuperAdmin.PostAsync($"{Admin}/admins", new { newAdminId = Guid.Empty }), HttpStatusCode.BadRequest, field: "newAdminId");
        AssertProblem(await backend.SuperAdmin.PostAsync($"{Admin}/admins", new { newAdminId = Guid.NewGuid() }), HttpStatusCode.NotFound, "user_not_found");

        AssertCommitted(await backend.SuperAdmin.PostAsync($"{Admin}/admins", new { newAdminId = user.UserId }, preferWait: 20), "appoint");
        AssertProblem(await backend.SuperAdmin.PostAsync($"{Admin}/admins", new { newAdminId = user.UserId }), HttpStatusCode.Conflict, "already_admin");

        var login = await LoginUntilRoleAsync(backend, email, "admin");
        Assert.Equal("admin", RoleClaim(login["accessToken"]));
        using var admin = backend.Anonymous();
        admin.AccessToken = login["accessToken"];
        var counters = await admin.GetAsync($"{Admin}/counters");
        Assert.True(counters.Status == HttpStatusCode.OK, counters.ToString());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{Admin}/system/status")).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{Admin}/parameters/votingPeriodDays")).Status);

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync($"{Admin}/system/pause", new { reason = "not mine to pause" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync($"{Admin}/system/resume")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync($"{Admin}/admins", new { newAdminId = other.UserId })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync($"{Admin}/treasury/activate", new { countryCode = "MY" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync("/tokenomics/api/v1/genesis", new { userId = other.UserId })).Status);
    }

    [Fact]
    public async Task A_treasury_is_activated_once_for_an_initialized_country()
    {
        using var user = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();
        // Its own country, so activating it changes nothing other tests rely on.
        AssertCommitted(await backend.SuperAdmin.PostAsync($"{Admin}/countries/initialize",
            new[] { new { code = "NZ", name = "New Zealand", percentage = 0.5m } }, preferWait: 20), "initialize NZ");

        Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.PostAsync($"{Admin}/treasury/activate", new { countryCode = "NZ" })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"{Admin}/treasury/activate", new { countryCode = "NZ" })).Status);
        AssertProblem(await backend.SuperAdmin.PostAsync($"{Admin}/treasury/activate", new { countryCode = "nz" }), HttpStatusCode.BadRequest, field: "countryCode");
        AssertProblem(await backend.SuperAdmin.PostAsync($"{Admin}/treasury/activate", new { countryCode = "XX" }), HttpStatusCode.BadRequest, field: "countryCode");
        AssertProblem(await backend.SuperAdmin.PostAsync($"{Admin}/treasury/activate", new { countryCode = "FJ" }), HttpStatusCode.NotFound, "country_not_found");

        var activate = await backend.SuperAdmin.PostAsync($"{Admin}/treasury/activate", new { countryCode = "NZ" }, preferWait: 20);
        AssertCommitted(activate, "activate NZ");
        Assert.Equal("AdminContract:ActivateTreasuryAccount", activate["transactionName"]);
        AssertProblem(await backend.SuperAdmin.PostAsync($"{Admin}/treasury/activate", new { countryCode = "NZ" }), HttpStatusCode.Conflict, "treasury_already_active");
        await Eventually.MatchesAsync(() => anonymous.GetAsync("/tokenomics/api/v1/treasury/NZ/balance"),
            r => r.Status == HttpStatusCode.OK && r.Json["active"]?.GetValue<bool>() == true, "the NZ treasury to read as active");
    }

    /// <summary>The pause committed but the test failed before resuming: resume, or every later test on this backend fails.</summary>
    private async Task ResumeAfterFailureAsync()
    {
        await Eventually.MatchesAsync(() => backend.SuperAdmin.GetAsync($"{Admin}/system/status"),
            r => r.Json["paused"]?.GetValue<bool>() == true, "the committed pause to reach the system grain");
        await backend.SuperAdmin.PostAsync($"{Admin}/system/resume", preferWait: 20);
        await Eventually.MatchesAsync(() => backend.SuperAdmin.GetAsync($"{Admin}/system/status"),
            r => r.Json["paused"]?.GetValue<bool>() == false, "the system to resume");
    }
}
