using System.Diagnostics;
using System.Net;
using GxProtocol.ApiFrontends.Infrastructure;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.Backend.Tests.ApiInfrastructure;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Sessions;

/// <summary>
/// Issue 10 point 7: failed logins of one address are limited with backoff (429 + Retry-After) on top of the per-IP
/// limit, for unknown addresses exactly as for known ones, and an unknown address costs the same password work.
/// </summary>
[Trait("Category", "Slow")]
[Trait("Category", "Waits")]
public sealed class LoginThrottleTests(IdentityApiFixture api) : IClassFixture<IdentityApiFixture>
{
    private const string Password = "login throttle password";

    [Fact]
    public async Task After_five_failures_an_address_is_locked_with_retry_after_and_a_later_success_clears_it()
    {
        var (_, email) = await api.PlantUserAsync(PasswordHasher.Hash(Password));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.LoginAsync(email, "wrong password")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.LoginAsync(email, "wrong password")).StatusCode);

        // Locked now: even the right password waits.
        var locked = await api.LoginAsync(email, Password);
        await ProblemAssertions.AssertProblemAsync(locked, HttpStatusCode.TooManyRequests, "too_many_failed_logins");
        Assert.True(locked.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {locked.Headers.RetryAfter}");

        await Eventually.MatchesAsync(() => api.LoginAsync(email, Password), r => r.StatusCode == HttpStatusCode.OK,
            "the lock to pass and the right password to log in", TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.LoginAsync(email, "wrong again")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_address_is_limited_the_same_way()
    {
        var email = $"{Guid.NewGuid():N}@nobody.test";
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.LoginAsync(email, "anything at all")).StatusCode);
        }
        await ProblemAssertions.AssertProblemAsync(await api.LoginAsync(email, "anything at all"), HttpStatusCode.TooManyRequests, "too_many_failed_logins");
    }

    [Fact]
    public async Task An_unknown_address_spends_the_same_password_work_as_a_known_one()
    {
        var (_, known) = await api.PlantUserAsync(PasswordHasher.Hash(Password));
        // The fastest of three, so a busy machine slows neither side's best case; PBKDF2 at 600,000 iterations dominates both.
        var knownBest = TimeSpan.MaxValue;
        var unknownBest = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            knownBest = Min(knownBest, await TimeAsync(known));
            unknownBest = Min(unknownBest, await TimeAsync($"{Guid.NewGuid():N}@nobody.test"));
        }
        Assert.True(unknownBest * 3 > knownBest, $"unknown address: {unknownBest}, known address: {knownBest}");
    }

    private async Task<TimeSpan> TimeAsync(string email)
    {
        var clock = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.LoginAsync(email, "not the password")).StatusCode);
        return clock.Elapsed;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
