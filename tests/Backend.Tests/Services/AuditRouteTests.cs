using System.Net;
using GxProtocol.Backend.Tests.Support;
using static GxProtocol.Backend.Tests.Support.AdminTestSupport;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>The audit log: administrative requests recorded with actor, action, target, request id and outcome.</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class AuditRouteTests(ServicesBackend backend)
{
    private const string Admin = "/admin/api/v1";

    [Fact]
    public async Task A_deny_and_a_strangers_attempt_are_recorded_and_super_admins_read_them_by_filter()
    {
        using var user = await backend.NewRegisteredUserAsync();
        await user.Client.PostAsync($"/identity/api/v1/users/{user.UserId}/kyc",
            new { evidenceHash = new string('c', 64), evidenceSize = 10, evidenceMime = "application/pdf" });
        var superAdminId = (await backend.SuperAdmin.GetAsync($"{Admin}/users?search={ServicesBackend.SuperAdminEmail}")).Json["items"]![0]!["userId"]!.ToString();
        var denyId = $"deny-{Guid.NewGuid():N}";
        var attemptId = $"attempt-{Guid.NewGuid():N}";

        var denied = await backend.SuperAdmin.SendAsync(HttpMethod.Post, $"{Admin}/users/{user.UserId}/deny", new { reason = "blurred document" },
            headers: new Dictionary<string, string> { ["X-Request-Id"] = denyId });
        Assert.Equal(HttpStatusCode.OK, denied.Status);
        var attempt = await user.Client.SendAsync(HttpMethod.Post, $"{Admin}/users/{user.UserId}/approve",
            headers: new Dictionary<string, string> { ["X-Request-Id"] = attemptId });
        Assert.Equal(HttpStatusCode.Forbidden, attempt.Status);

        var byTarget = await Eventually.MatchesAsync(() => backend.SuperAdmin.GetAsync($"{Admin}/audit?target={user.UserId}"),
            r => r.Status == HttpStatusCode.OK && r.Json["items"]!.AsArray().Count == 2, "both requests in the audit log");
        var (newest, oldest) = (byTarget.Json["items"]![0]!, byTarget.Json["items"]![1]!);
        Assert.Equal((attemptId, user.UserId, "user", "POST /admin/api/v1/users/{id}/approve", 403, "REFUSED"),
            (newest["requestId"]!.ToString(), newest["actorId"]!.ToString(), newest["actorRole"]!.ToString(), newest["action"]!.ToString(),
                newest["statusCode"]!.GetValue<int>(), newest["outcome"]!.ToString()));
        Assert.Equal((denyId, superAdminId, "super_admin", "POST /admin/api/v1/users/{id}/deny", 200, "SUCCEEDED"),
            (oldest["requestId"]!.ToString(), oldest["actorId"]!.ToString(), oldest["actorRole"]!.ToString(), oldest["action"]!.ToString(),
                oldest["statusCode"]!.GetValue<int>(), oldest["outcome"]!.ToString()));

        var byActor = await backend.SuperAdmin.GetAsync($"{Admin}/audit?actor={user.UserId}");
        Assert.Equal(attemptId, Assert.Single(byActor.Json["items"]!.AsArray())!["requestId"]!.ToString());
        var byAction = await backend.SuperAdmin.GetAsync($"{Admin}/audit?action={Uri.EscapeDataString("POST /admin/api/v1/users/{id}/deny")}&requestId={denyId}");
        Assert.Single(byAction.Json["items"]!.AsArray());
    }

    [Fact]
    public async Task Reading_the_log_is_for_super_admins_and_bad_filters_are_problems()
    {
        using var user = await backend.NewRegisteredUserAsync();
        using var admin = await NewAdminAsync(backend);
        using var anonymous = backend.Anonymous();

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Client.GetAsync($"{Admin}/audit")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.GetAsync($"{Admin}/audit")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Admin}/audit")).Status);
        AssertProblem(await backend.SuperAdmin.GetAsync($"{Admin}/audit?actor=someone"), HttpStatusCode.BadRequest, field: "actor");
        AssertProblem(await backend.SuperAdmin.GetAsync($"{Admin}/audit?limit=101"), HttpStatusCode.BadRequest, field: "limit");
        AssertProblem(await backend.SuperAdmin.GetAsync($"{Admin}/audit?cursor=x"), HttpStatusCode.BadRequest, field: "cursor");
        // The admin's own refused read is itself in the log.
        var adminId = admin.UserId;
        await Eventually.MatchesAsync(() => backend.SuperAdmin.GetAsync($"{Admin}/audit?actor={adminId}&action={Uri.EscapeDataString("GET /admin/api/v1/audit")}"),
            r => r.Status == HttpStatusCode.OK && r.Json["items"]!.AsArray().Count == 1, "the admin's refused read in the log");
    }
}
