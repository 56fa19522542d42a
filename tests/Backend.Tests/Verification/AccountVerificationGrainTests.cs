using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.Interfaces.Verification;

namespace GxProtocol.Backend.Tests.Verification;

/// <summary>The code rules on the grain, where the clock can be moved: expiry, resend interval, the hourly cap, phones.</summary>
public sealed class AccountVerificationGrainTests(VerificationClusterFixture fixture) : IClassFixture<VerificationClusterFixture>
{
    [Fact]
    public async Task An_expired_code_is_refused_and_then_nothing_waits()
    {
        var (userId, email) = await NewUserAsync();
        var verification = fixture.Client.GetGrain<IAccountVerificationGrain>(userId);
        var since = DateTime.UtcNow;
        Assert.Equal(CodeDeliveryOutcome.Sent, (await verification.SendEmailCodeAsync()).Outcome);
        var code = await DevMailbox.WaitForCodeAsync(email, since);

        fixture.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        Assert.Equal(CodeCheckOutcome.Expired, (await verification.ConfirmEmailAsync(code)).Outcome);
        Assert.Equal(CodeCheckOutcome.NotPending, (await verification.ConfirmEmailAsync(code)).Outcome);
        Assert.False((await verification.GetStatusAsync()).EmailVerified);
    }

    [Fact]
    public async Task KYC_before_the_address_is_confirmed_is_refused_and_changes_nothing()
    {
        var (userId, _) = await NewUserAsync();
        var user = fixture.Client.GetGrain<IUserGrain>(userId);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => user.SubmitKycAsync(new KycSubmission(new string('f', 64), 10, "application/pdf")));

        Assert.Equal("email_not_verified", refused.Code);
        Assert.Equal(RuleViolationKind.Conflict, refused.Kind);
        Assert.Equal(UserStatus.Registered, (await user.GetProfileAsync())!.Status);
        Assert.Equal("NOT_SUBMITTED", (await user.GetKycAsync()).Status);
    }

    [Fact]
    public async Task A_resend_waits_for_the_interval_then_replaces_the_old_code()
    {
        var (userId, email) = await NewUserAsync();
        var verification = fixture.Client.GetGrain<IAccountVerificationGrain>(userId);
        var since = DateTime.UtcNow;
        Assert.Equal(CodeDeliveryOutcome.Sent, (await verification.SendEmailCodeAsync()).Outcome);
        var first = await DevMailbox.WaitForCodeAsync(email, since);

        var tooSoon = await verification.SendEmailCodeAsync();
        Assert.Equal(CodeDeliveryOutcome.RateLimited, tooSoon.Outcome);
        Assert.InRange(tooSoon.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal(1, DevMailbox.CountTo(email, since));

        fixture.Clock.Advance(TimeSpan.FromSeconds(61));
        var resendSince = DateTime.UtcNow;
        Assert.Equal(CodeDeliveryOutcome.Sent, (await verification.SendEmailCodeAsync()).Outcome);
        var second = await DevMailbox.WaitForCodeAsync(email, resendSince);
        Assert.Equal(2, DevMailbox.CountTo(email, since));

        if (first != second)
        {
            Assert.Equal(CodeCheckOutcome.Wrong, (await verification.ConfirmEmailAsync(first)).Outcome);
        }
        Assert.Equal(CodeCheckOutcome.Confirmed, (await verification.ConfirmEmailAsync(second)).Outcome);
        Assert.True((await verification.GetStatusAsync()).EmailVerified);
    }

    [Fact]
    public async Task At_most_five_codes_go_to_one_address_in_an_hour()
    {
        var (userId, email) = await NewUserAsync();
        var verification = fixture.Client.GetGrain<IAccountVerificationGrain>(userId);
        var since = DateTime.UtcNow;
        for (var sent = 0; sent < 5; sent++)
        {
            Assert.Equal(CodeDeliveryOutcome.Sent, (await verification.SendEmailCodeAsync()).Outcome);
            fixture.Clock.Advance(TimeSpan.FromSeconds(61));
        }

        var sixth = await verification.SendEmailCodeAsync();

        Assert.Equal(CodeDeliveryOutcome.RateLimited, sixth.Outcome);
        // The first of the five leaves the hour about 55 minutes from now (five intervals of 61 s have passed).
        Assert.InRange(sixth.RetryAfter!.Value, TimeSpan.FromMinutes(54), TimeSpan.FromMinutes(56));
        await Eventually.MatchesAsync(() => Task.FromResult(DevMailbox.CountTo(email, since)), n => n == 5, $"five messages to {email}");
        fixture.Clock.Advance(sixth.RetryAfter.Value + TimeSpan.FromSeconds(1));
        Assert.Equal(CodeDeliveryOutcome.Sent, (await verification.SendEmailCodeAsync()).Outcome);
    }

    [Fact]
    public async Task A_phone_code_confirms_the_number_on_the_profile_until_the_number_changes()
    {
        var phone = $"+6012{Random.Shared.Next(1_000_000, 9_999_999)}";
        var (userId, _) = await NewUserAsync(phone);
        var verification = fixture.Client.GetGrain<IAccountVerificationGrain>(userId);

        Assert.Equal(CodeDeliveryOutcome.Sent, (await verification.SendPhoneCodeAsync()).Outcome);
        var code = Assert.Single(fixture.PhoneCodes.CodesFor(phone));
        var wrong = code == "000000" ? "111111" : "000000";
        Assert.Equal(new CodeCheck(CodeCheckOutcome.Wrong, 4), await verification.ConfirmPhoneAsync(wrong));
        Assert.Equal(CodeCheckOutcome.Confirmed, (await verification.ConfirmPhoneAsync(code)).Outcome);
        Assert.True((await verification.GetStatusAsync()).PhoneVerified);
        Assert.Equal(CodeDeliveryOutcome.AlreadyVerified, (await verification.SendPhoneCodeAsync()).Outcome);
        // Phone and e-mail are separate: the e-mail address is still unconfirmed.
        Assert.False((await verification.GetStatusAsync()).EmailVerified);

        await fixture.Client.GetGrain<IUserGrain>(userId).UpdateProfileAsync(new ProfileChanges(null, null, phone + "9"));
        Assert.False((await verification.GetStatusAsync()).PhoneVerified);
    }

    [Fact]
    public async Task Without_a_phone_number_no_phone_code_is_sent()
    {
        var (userId, _) = await NewUserAsync();

        Assert.Equal(CodeDeliveryOutcome.NoAddress, (await fixture.Client.GetGrain<IAccountVerificationGrain>(userId).SendPhoneCodeAsync()).Outcome);
    }

    private async Task<(Guid UserId, string Email)> NewUserAsync(string? phone = null)
    {
        var userId = Guid.NewGuid();
        var email = $"{userId:N}@verification.test";
        await fixture.Client.GetGrain<IUserGrain>(userId).RegisterAsync(
            new RegisterUser(email, "hash", "Vera", "Fication", phone, null, "MY", new DateOnly(1990, 1, 1)));
        return (userId, email);
    }
}
