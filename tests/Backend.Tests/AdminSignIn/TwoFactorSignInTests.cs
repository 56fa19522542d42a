using System.Net;
using System.Net.Http.Json;
using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Backend.Tests.AdminSignIn;

/// <summary>
/// Issue 13 point 3: an admin signs in with password and then a TOTP code (computed here with Otp.NET from the secret
/// the enrolment gave), enrolment is confirmed by a first code, a code is accepted once, backup codes once each.
/// </summary>
[Trait("Category", "Slow")]
[Trait("Category", "Waits")]
public sealed class TwoFactorSignInTests(AdminSignInFixture api) : IClassFixture<AdminSignInFixture>
{
    [Fact]
    public async Task An_admin_enrols_at_first_login_then_every_login_needs_a_code_and_a_code_is_accepted_once()
    {
        var (_, email) = await api.PlantAsync(UserRole.Admin);

        var challenge = await api.ChallengeAsync(email, "two_factor_enrolment_required");
        var enrolment = await AdminSignInFixture.Json(
            await api.Client().PostAsJsonAsync("/identity/api/v1/auth/two-factor/enrolment", new { challengeToken = challenge }));
        var secret = enrolment.GetProperty("secret").GetString()!;
        var uri = enrolment.GetProperty("otpauthUri").GetString()!;
        Assert.StartsWith("otpauth://totp/", uri, StringComparison.Ordinal);
        Assert.Contains($"secret={secret}", uri, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(email), uri, StringComparison.Ordinal);
        var backupCodes = enrolment.GetProperty("backupCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(10, backupCodes.Distinct().Count());

        // A wrong first code does not enrol; the authenticator's code does, and gives the session.
        await ProblemAssertions.AssertProblemAsync(await api.SecondStepAsync(challenge, WrongCode(secret)), HttpStatusCode.Unauthorized, "invalid_code");
        var now = DateTime.UtcNow;
        var first = await AdminSignInFixture.Json(await api.SecondStepAsync(challenge, AdminSignInFixture.CodeAt(secret, now)));
        Assert.Equal("admin", first.GetProperty("user").GetProperty("role").GetString());

        // Enrolled now: the password alone gives no session, only a challenge.
        var next = await api.ChallengeAsync(email);
        // The code just used, replayed within its step, is refused.
        await ProblemAssertions.AssertProblemAsync(await api.SecondStepAsync(next, AdminSignInFixture.CodeAt(secret, now)), HttpStatusCode.Unauthorized, "invalid_code");
        // The next step's code (accepted one step early for clock drift) signs in, once.
        var later = AdminSignInFixture.CodeAt(secret, now.AddSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await api.SecondStepAsync(next, later)).StatusCode);
        await ProblemAssertions.AssertProblemAsync(await api.SecondStepAsync(await api.ChallengeAsync(email), later), HttpStatusCode.Unauthorized, "invalid_code");
    }

    [Fact]
    public async Task A_backup_code_signs_in_once_and_is_counted_down()
    {
        var admin = await api.EnrolledAdminAsync();
        var code = admin.BackupCodes[0];

        Assert.Equal(HttpStatusCode.OK, (await api.SecondStepAsync(await api.ChallengeAsync(admin.Email), code)).StatusCode);
        await ProblemAssertions.AssertProblemAsync(await api.SecondStepAsync(await api.ChallengeAsync(admin.Email), code), HttpStatusCode.Unauthorized, "invalid_code");
        // Typed without dashes and in lower case, another one still works.
        var typed = admin.BackupCodes[1].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        var session = await AdminSignInFixture.Json(await api.SecondStepAsync(await api.ChallengeAsync(admin.Email), typed));

        var status = await AdminSignInFixture.Json(await api.Client(session.GetProperty("accessToken").GetString()).GetAsync("/admin/api/v1/two-factor"));
        Assert.True(status.GetProperty("enrolled").GetBoolean());
        Assert.Equal(8, status.GetProperty("backupCodesLeft").GetInt32());
    }

    [Fact]
    public async Task The_password_step_alone_gives_an_admin_no_usable_token_and_users_are_not_asked()
    {
        var admin = await api.EnrolledAdminAsync();
        var challenge = await api.ChallengeAsync(admin.Email);
        // The challenge is no access token.
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Client(challenge).GetAsync("/admin/api/v1/sessions")).StatusCode);
        // A made-up challenge is refused as such, and bad input names its field.
        await ProblemAssertions.AssertProblemAsync(await api.SecondStepAsync("not.a.challenge", "123456"), HttpStatusCode.Unauthorized, "invalid_challenge");
        var missing = await ProblemAssertions.AssertProblemAsync(
            await api.Client().PostAsJsonAsync("/identity/api/v1/auth/two-factor", new { challengeToken = "", code = "123456" }), HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotEmpty(ProblemAssertions.FieldErrors(missing, "challengeToken"));

        var (_, userEmail) = await api.PlantAsync(UserRole.User);
        Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync(userEmail)).StatusCode);
    }

    [Fact]
    public async Task An_admin_logged_in_sets_up_two_factor_with_a_first_code_and_a_super_admin_can_reset_it()
    {
        var superAdmin = await api.EnrolledAdminAsync(UserRole.SuperAdmin);
        var admin = await api.EnrolledAdminAsync();
        using var asAdmin = api.Client(admin.AccessToken);
        // Enrolled already: a second enrolment is refused.
        await ProblemAssertions.AssertProblemAsync(await asAdmin.PostAsync("/admin/api/v1/two-factor/enrolment", null), HttpStatusCode.Conflict, "already_enrolled");
        // An admin may not reset anyone; a super admin may.
        Assert.Equal(HttpStatusCode.Forbidden, (await asAdmin.DeleteAsync($"/admin/api/v1/admins/{admin.UserId}/two-factor")).StatusCode);
        using var asSuper = api.Client(superAdmin.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, (await asSuper.DeleteAsync($"/admin/api/v1/admins/{admin.UserId}/two-factor")).StatusCode);
        var (plainUser, _) = await api.PlantAsync(UserRole.User);
        await ProblemAssertions.AssertProblemAsync(await asSuper.DeleteAsync($"/admin/api/v1/admins/{plainUser}/two-factor"), HttpStatusCode.NotFound, "not_found");

        // The old secret and backup codes are gone: the admin enrols again, this time from a session.
        await ProblemAssertions.AssertProblemAsync(
            await api.SecondStepAsync(await api.ChallengeAsync(admin.Email, "two_factor_enrolment_required"), admin.BackupCodes[0]),
            HttpStatusCode.Conflict, "not_enrolled");
        var enrolment = await AdminSignInFixture.Json(await asAdmin.PostAsync("/admin/api/v1/two-factor/enrolment", null));
        var secret = enrolment.GetProperty("secret").GetString()!;
        Assert.NotEqual(admin.Secret, secret);
        var empty = await ProblemAssertions.AssertProblemAsync(
            await asAdmin.PostAsJsonAsync("/admin/api/v1/two-factor/enrolment/confirm", new { code = "" }), HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotEmpty(ProblemAssertions.FieldErrors(empty, "code"));
        await ProblemAssertions.AssertProblemAsync(
            await asAdmin.PostAsJsonAsync("/admin/api/v1/two-factor/enrolment/confirm", new { code = WrongCode(secret) }), HttpStatusCode.UnprocessableEntity, "invalid_code");
        var confirmed = await AdminSignInFixture.Json(await asAdmin.PostAsJsonAsync("/admin/api/v1/two-factor/enrolment/confirm",
            new { code = AdminSignInFixture.CodeAt(secret, DateTime.UtcNow) }));
        Assert.True(confirmed.GetProperty("enrolled").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await api.SecondStepAsync(await api.ChallengeAsync(admin.Email),
            enrolment.GetProperty("backupCodes")[0].GetString()!)).StatusCode);
    }

    /// <summary>A 6-digit code that is none of the codes accepted around now.</summary>
    private static string WrongCode(string secret)
    {
        var now = DateTime.UtcNow;
        var valid = new[] { -60, -30, 0, 30, 60 }.Select(s => AdminSignInFixture.CodeAt(secret, now.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => $"{i}{i}{i}{i}{i}{i}").First(c => !valid.Contains(c));
    }
}
