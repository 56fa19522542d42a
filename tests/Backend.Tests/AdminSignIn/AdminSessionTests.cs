using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Users;
using Microsoft.IdentityModel.JsonWebTokens;

namespace GxProtocol.Backend.Tests.AdminSignIn;

/// <summary>
/// Issue 13 point 3: an admin's sessions are listed and ended one by one (the ended session's refresh token fails at
/// once), another admin's session id is 404, a super admin manages any admin's; admin tokens live shorter than users'.
/// </summary>
[Trait("Category", "Slow")]
[Trait("Category", "Waits")]
public sealed class AdminSessionTests(AdminSignInFixture api) : IClassFixture<AdminSignInFixture>
{
    private async Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        await api.Client().PostAsJsonAsync("/identity/api/v1/auth/refresh", new { refreshToken });

    private static List<string> SessionIds(JsonElement list) =>
        list.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("sessionId").GetString()!).ToList();

    [Fact]
    public async Task An_admin_lists_her_sessions_and_ending_one_makes_its_refresh_token_fail()
    {
        var admin = await api.EnrolledAdminAsync();
        var laptop = admin.RefreshToken;
        var phone = await AdminSignInFixture.Json(await api.SecondStepAsync(await api.ChallengeAsync(admin.Email), admin.BackupCodes[0]));
        // Used last, so listed first.
        var phoneRefreshed = await AdminSignInFixture.Json(await RefreshAsync(phone.GetProperty("refreshToken").GetString()!));
        using var asAdmin = api.Client(phoneRefreshed.GetProperty("accessToken").GetString());

        var sessions = SessionIds(await AdminSignInFixture.Json(await asAdmin.GetAsync("/admin/api/v1/sessions")));
        Assert.Equal(2, sessions.Count);
        Assert.Equal(HttpStatusCode.NoContent, (await asAdmin.DeleteAsync($"/admin/api/v1/sessions/{sessions[1]}")).StatusCode);

        await ProblemAssertions.AssertProblemAsync(await RefreshAsync(laptop), HttpStatusCode.Unauthorized, "invalid_refresh_token");
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(phoneRefreshed.GetProperty("refreshToken").GetString()!)).StatusCode);
        Assert.Equal([sessions[0]], SessionIds(await AdminSignInFixture.Json(await asAdmin.GetAsync("/admin/api/v1/sessions"))));
        // Ended already: not found.
        await ProblemAssertions.AssertProblemAsync(await asAdmin.DeleteAsync($"/admin/api/v1/sessions/{sessions[1]}"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Another_admins_session_is_not_found_and_only_a_super_admin_manages_it()
    {
        var alice = await api.EnrolledAdminAsync();
        var bob = await api.EnrolledAdminAsync();
        var superAdmin = await api.EnrolledAdminAsync(UserRole.SuperAdmin);
        using var asAlice = api.Client(alice.AccessToken);
        using var asBob = api.Client(bob.AccessToken);
        using var asSuper = api.Client(superAdmin.AccessToken);
        var aliceSession = Assert.Single(SessionIds(await AdminSignInFixture.Json(await asAlice.GetAsync("/admin/api/v1/sessions"))));

        await ProblemAssertions.AssertProblemAsync(await asBob.DeleteAsync($"/admin/api/v1/sessions/{aliceSession}"), HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.Forbidden, (await asBob.GetAsync($"/admin/api/v1/admins/{alice.UserId}/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asBob.DeleteAsync($"/admin/api/v1/admins/{alice.UserId}/sessions/{aliceSession}")).StatusCode);
        // Bob's attempts left Alice's session alone.
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(alice.RefreshToken)).StatusCode);

        // Alice's refresh above rotated her token within the same session.
        Assert.Equal([aliceSession], SessionIds(await AdminSignInFixture.Json(await asSuper.GetAsync($"/admin/api/v1/admins/{alice.UserId}/sessions"))));
        await ProblemAssertions.AssertProblemAsync(await asSuper.DeleteAsync($"/admin/api/v1/admins/{bob.UserId}/sessions/{aliceSession}"), HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.NoContent, (await asSuper.DeleteAsync($"/admin/api/v1/admins/{alice.UserId}/sessions/{aliceSession}")).StatusCode);
        Assert.Empty(SessionIds(await AdminSignInFixture.Json(await asAlice.GetAsync("/admin/api/v1/sessions"))));

        // These routes are about admins: a user's id is not found.
        var (userId, _) = await api.PlantAsync(UserRole.User);
        await ProblemAssertions.AssertProblemAsync(await asSuper.GetAsync($"/admin/api/v1/admins/{userId}/sessions"), HttpStatusCode.NotFound, "not_found");
        // And a user gets no admin route at all.
        var (_, userEmail) = await api.PlantAsync(UserRole.User);
        var userToken = (await AdminSignInFixture.Json(await api.LoginAsync(userEmail))).GetProperty("accessToken").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Client(userToken).GetAsync("/admin/api/v1/sessions")).StatusCode);
    }

    [Fact]
    public async Task Admin_tokens_live_shorter_than_users_tokens()
    {
        var admin = await api.EnrolledAdminAsync();
        var (userId, userEmail) = await api.PlantAsync(UserRole.User);
        var user = await AdminSignInFixture.Json(await api.LoginAsync(userEmail));

        var adminLifetime = Lifetime(admin.AccessToken);
        var userLifetime = Lifetime(user.GetProperty("accessToken").GetString()!);
        Assert.Equal(TimeSpan.FromMinutes(5), adminLifetime);
        Assert.Equal(TimeSpan.FromMinutes(15), userLifetime);

        // Refresh tokens: an admin's lapses after an hour unused, a user's after days.
        var adminIdle = Assert.Single(await api.Grains.GetGrain<IUserGrain>(admin.UserId).ListSessionsAsync()).IdleExpiresAt - DateTimeOffset.UtcNow;
        var userIdle = Assert.Single(await api.Grains.GetGrain<IUserGrain>(userId).ListSessionsAsync()).IdleExpiresAt - DateTimeOffset.UtcNow;
        Assert.InRange(adminIdle, TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(60));
        Assert.True(userIdle > TimeSpan.FromDays(29), $"user refresh idle lifetime {userIdle}");
    }

    [Fact]
    public async Task An_admin_token_lifetime_longer_than_a_users_stops_start_up_naming_the_key()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => TestApi.StartAsync(_ => { }, new Dictionary<string, string?>
        {
            ["Gx:Jwt:AccessTokenMinutes"] = "10",
            ["Gx:Jwt:AdminAccessTokenMinutes"] = "20",
        }));
        Assert.Contains("Gx:Jwt:AdminAccessTokenMinutes", failure.Message, StringComparison.Ordinal);
    }

    private static TimeSpan Lifetime(string accessToken)
    {
        var token = new JsonWebToken(accessToken);
        return token.ValidTo - token.IssuedAt;
    }
}
