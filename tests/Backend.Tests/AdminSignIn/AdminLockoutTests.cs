using System.Net;
using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Backend.Tests.AdminSignIn;

/// <summary>Issue 13 point 3: an admin account locks for 30 minutes after five failures, wrong passwords and wrong codes alike.</summary>
[Trait("Category", "Slow")]
[Trait("Category", "Waits")]
public sealed class AdminLockoutTests(AdminSignInFixture api) : IClassFixture<AdminSignInFixture>
{
    [Fact]
    public async Task Five_wrong_passwords_lock_an_admin_for_thirty_minutes_even_against_the_right_one()
    {
        var (adminId, email) = await api.PlantAsync(UserRole.Admin);
        for (var i = 0; i < 4; i++)
        {
            await ProblemAssertions.AssertProblemAsync(await api.LoginAsync(email, "wrong password"), HttpStatusCode.Unauthorized, "invalid_credentials");
        }
        // Four failures do not lock: the right password still reaches the second step, but a password alone is no
        // complete sign-in, so it does not clear the count: the fifth failure locks.
        await api.ChallengeAsync(email, "two_factor_enrolment_required");
        await ProblemAssertions.AssertProblemAsync(await api.LoginAsync(email, "wrong password"), HttpStatusCode.Unauthorized, "invalid_credentials");

        var locked = await api.LoginAsync(email);
        await ProblemAssertions.AssertProblemAsync(locked, HttpStatusCode.Locked, "account_locked");
        AssertRetryAfterAbout30Minutes(locked);

        // A super admin's reset lifts the lock.
        var superAdmin = await api.EnrolledAdminAsync(UserRole.SuperAdmin);
        Assert.Equal(HttpStatusCode.NoContent, (await api.Client(superAdmin.AccessToken).DeleteAsync($"/admin/api/v1/admins/{adminId}/two-factor")).StatusCode);
        await api.ChallengeAsync(email, "two_factor_enrolment_required");
    }

    [Fact]
    public async Task Wrong_second_factor_codes_count_towards_the_lock()
    {
        var admin = await api.EnrolledAdminAsync();
        var challenge = await api.ChallengeAsync(admin.Email);
        for (var i = 0; i < 5; i++)
        {
            await ProblemAssertions.AssertProblemAsync(await api.SecondStepAsync(challenge, "not-a-backup-code"), HttpStatusCode.Unauthorized, "invalid_code");
        }

        // Now even a right code, and the password step, are refused until the lock ends.
        var withRightCode = await api.SecondStepAsync(challenge, admin.BackupCodes[0]);
        await ProblemAssertions.AssertProblemAsync(withRightCode, HttpStatusCode.Locked, "account_locked");
        AssertRetryAfterAbout30Minutes(withRightCode);
        await ProblemAssertions.AssertProblemAsync(await api.LoginAsync(admin.Email), HttpStatusCode.Locked, "account_locked");
    }

    [Fact]
    public async Task A_users_account_is_not_locked_this_way()
    {
        var (_, email) = await api.PlantAsync(UserRole.User);
        for (var i = 0; i < 5; i++)
        {
            await ProblemAssertions.AssertProblemAsync(await api.LoginAsync(email, "wrong password"), HttpStatusCode.Unauthorized, "invalid_credentials");
        }
        // Users have the per-address backoff of issue 10, which only starts after the fifth failure.
        Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync(email)).StatusCode);
    }

    [Fact]
    public async Task A_successful_sign_in_starts_the_count_again()
    {
        var admin = await api.EnrolledAdminAsync();
        for (var i = 0; i < 4; i++)
        {
            await ProblemAssertions.AssertProblemAsync(await api.LoginAsync(admin.Email, "wrong password"), HttpStatusCode.Unauthorized, "invalid_credentials");
        }
        Assert.Equal(HttpStatusCode.OK, (await api.SecondStepAsync(await api.ChallengeAsync(admin.Email), admin.BackupCodes[0])).StatusCode);
        for (var i = 0; i < 4; i++)
        {
            await ProblemAssertions.AssertProblemAsync(await api.LoginAsync(admin.Email, "wrong password"), HttpStatusCode.Unauthorized, "invalid_credentials");
        }
        await api.ChallengeAsync(admin.Email);
    }

    private static void AssertRetryAfterAbout30Minutes(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { } delta && delta <= TimeSpan.FromMinutes(30) && delta > TimeSpan.FromMinutes(29),
            $"Retry-After: {response.Headers.RetryAfter}");
    }
}
