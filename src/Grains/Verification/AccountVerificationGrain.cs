using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.Interfaces.Verification;
using GxProtocol.Grains.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GxProtocol.Grains.Verification;

/// <summary>
/// One user's one-time codes. A code's hash is written before the code is sent, and a failed delivery takes it back,
/// so an address never holds a working code it was not sent, and a failure costs the user no quota.
/// </summary>
public sealed partial class AccountVerificationGrain(
    [PersistentState("verification", GxStorage.Name)] IPersistentState<AccountVerificationState> state,
    VerificationMailer mailer,
    IPhoneVerificationSender phone,
    IOptions<VerificationOptions> options,
    TimeProvider clock,
    ILogger<AccountVerificationGrain> logger) : Grain, IAccountVerificationGrain
{
    private const string Email = "email";
    private const string Phone = "phone";
    private const string Reset = "reset";

    private AccountVerificationState State => state.State;
    private VerificationOptions Options => options.Value;
    private IUserGrain User => GrainFactory.GetGrain<IUserGrain>(this.GetPrimaryKey());

    public async Task<CodeDelivery> SendEmailCodeAsync()
    {
        if (await User.GetProfileAsync() is not { } profile)
        {
            return new CodeDelivery(CodeDeliveryOutcome.NoAddress);
        }
        if (IsEmailVerified(profile))
        {
            return new CodeDelivery(CodeDeliveryOutcome.AlreadyVerified);
        }
        return await SendAsync(Email, profile.Email, (code, ct) =>
            mailer.SendCodeAsync(CodeMail.EmailVerification, profile.Email, profile.FirstName, code, Options.CodeLifetime, ct));
    }

    public async Task<CodeCheck> ConfirmEmailAsync(string code)
    {
        var profile = await User.GetProfileAsync();
        var check = await CheckAsync(Email, code, profile?.Email);
        if (check.Outcome == CodeCheckOutcome.Confirmed)
        {
            State.EmailVerifiedAt = clock.GetUtcNow();
            State.VerifiedEmail = profile!.Email;
            await state.WriteStateAsync();
        }
        return check;
    }

    public async Task<CodeDelivery> SendPhoneCodeAsync()
    {
        if (await User.GetProfileAsync() is not { PhoneNum: { Length: > 0 } number })
        {
            return new CodeDelivery(CodeDeliveryOutcome.NoAddress);
        }
        if (State.PhoneVerifiedAt is not null && State.VerifiedPhone == number)
        {
            return new CodeDelivery(CodeDeliveryOutcome.AlreadyVerified);
        }
        return await SendAsync(Phone, number, (code, ct) => phone.SendCodeAsync(number, code, Options.CodeLifetime, ct));
    }

    public async Task<CodeCheck> ConfirmPhoneAsync(string code)
    {
        var profile = await User.GetProfileAsync();
        var check = await CheckAsync(Phone, code, profile?.PhoneNum);
        if (check.Outcome == CodeCheckOutcome.Confirmed)
        {
            State.PhoneVerifiedAt = clock.GetUtcNow();
            State.VerifiedPhone = profile!.PhoneNum;
            await state.WriteStateAsync();
        }
        return check;
    }

    public async Task SendPasswordResetCodeAsync()
    {
        if (await User.GetProfileAsync() is not { } profile)
        {
            return;
        }
        var delivery = await SendAsync(Reset, profile.Email, (code, ct) =>
            mailer.SendCodeAsync(CodeMail.PasswordReset, profile.Email, profile.FirstName, code, Options.CodeLifetime, ct));
        if (delivery.Outcome == CodeDeliveryOutcome.RateLimited)
        {
            LogResetRateLimited(logger, this.GetPrimaryKey());
        }
    }

    public async Task<CodeCheck> ResetPasswordAsync(string code, string newPasswordHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(newPasswordHash);
        var profile = await User.GetProfileAsync();
        var check = await CheckAsync(Reset, code, profile?.Email);
        if (check.Outcome == CodeCheckOutcome.Confirmed)
        {
            await User.ResetPasswordAsync(newPasswordHash);
            // The code reached the mailbox, so the address is the user's: a reset also confirms it.
            if (State.EmailVerifiedAt is null)
            {
                State.EmailVerifiedAt = clock.GetUtcNow();
                State.VerifiedEmail = profile!.Email;
                await state.WriteStateAsync();
            }
        }
        return check;
    }

    public async Task<VerificationStatus> GetStatusAsync()
    {
        var profile = await User.GetProfileAsync();
        return new VerificationStatus(
            profile is not null && IsEmailVerified(profile), State.EmailVerifiedAt,
            profile is { PhoneNum: { Length: > 0 } number } && State.PhoneVerifiedAt is not null && State.VerifiedPhone == number, State.PhoneVerifiedAt);
    }

    public async Task MarkEmailVerifiedAsync()
    {
        if (await User.GetProfileAsync() is { } profile && !IsEmailVerified(profile))
        {
            State.EmailVerifiedAt = clock.GetUtcNow();
            State.VerifiedEmail = profile.Email;
            await state.WriteStateAsync();
        }
    }

    private bool IsEmailVerified(UserProfile profile) =>
        State.EmailVerifiedAt is not null && string.Equals(State.VerifiedEmail, profile.Email, StringComparison.OrdinalIgnoreCase);

    private async Task<CodeDelivery> SendAsync(string purpose, string target, Func<string, CancellationToken, Task> deliver)
    {
        var now = clock.GetUtcNow();
        var sends = State.Sends.TryGetValue(purpose, out var recent) ? recent : State.Sends[purpose] = [];
        sends.RemoveAll(at => at <= now - TimeSpan.FromHours(1));
        if (RetryAfter(sends, now) is { } wait)
        {
            return new CodeDelivery(CodeDeliveryOutcome.RateLimited, wait);
        }

        var code = OneTimeCode.New();
        var salt = OneTimeCode.NewSalt();
        var previous = State.Codes.GetValueOrDefault(purpose);
        var pending = new PendingCode(OneTimeCode.Hash(code, salt, purpose), salt, now + Options.CodeLifetime, 0, target);
        State.Codes[purpose] = pending;
        sends.Add(now);
        await state.WriteStateAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(25));
            await deliver(code, timeout.Token);
        }
        catch (Exception failed) when (failed is not OutOfMemoryException)
        {
            LogDeliveryFailed(logger, failed, purpose, this.GetPrimaryKey());
            if (State.Codes.GetValueOrDefault(purpose) == pending)
            {
                if (previous is null)
                {
                    State.Codes.Remove(purpose);
                }
                else
                {
                    State.Codes[purpose] = previous;
                }
            }
            sends.Remove(now);
            await state.WriteStateAsync();
            return new CodeDelivery(CodeDeliveryOutcome.Unavailable);
        }
        return new CodeDelivery(CodeDeliveryOutcome.Sent, ExpiresAt: pending.ExpiresAt);
    }

    private TimeSpan? RetryAfter(List<DateTimeOffset> sends, DateTimeOffset now)
    {
        if (sends.Count == 0)
        {
            return null;
        }
        var waits = new List<TimeSpan> { sends[^1] + Options.ResendInterval - now };
        if (sends.Count >= Options.MaxSendsPerHour)
        {
            // The oldest send in the window has to leave it before another fits.
            waits.Add(sends[sends.Count - Options.MaxSendsPerHour] + TimeSpan.FromHours(1) - now);
        }
        var wait = waits.Max();
        return wait > TimeSpan.Zero ? wait : null;
    }

    private async Task<CodeCheck> CheckAsync(string purpose, string presented, string? currentTarget)
    {
        if (!State.Codes.TryGetValue(purpose, out var pending) ||
            !string.Equals(pending.Target, currentTarget, StringComparison.OrdinalIgnoreCase))
        {
            return new CodeCheck(CodeCheckOutcome.NotPending);
        }
        if (pending.ExpiresAt <= clock.GetUtcNow())
        {
            State.Codes.Remove(purpose);
            await state.WriteStateAsync();
            return new CodeCheck(CodeCheckOutcome.Expired);
        }
        if (pending.FailedAttempts >= Options.MaxAttempts)
        {
            return new CodeCheck(CodeCheckOutcome.Locked);
        }
        if (!OneTimeCode.Matches(presented.Trim(), pending, purpose))
        {
            // Kept (not removed) once locked, until it expires: further tries then answer "locked", not "no code".
            var failed = pending with { FailedAttempts = pending.FailedAttempts + 1 };
            State.Codes[purpose] = failed;
            await state.WriteStateAsync();
            var left = Options.MaxAttempts - failed.FailedAttempts;
            return new CodeCheck(left > 0 ? CodeCheckOutcome.Wrong : CodeCheckOutcome.Locked, left);
        }
        State.Codes.Remove(purpose);
        await state.WriteStateAsync();
        return new CodeCheck(CodeCheckOutcome.Confirmed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Purpose} code for user {UserId} could not be delivered")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string purpose, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A password reset for user {UserId} was asked for too often; no code sent")]
    private static partial void LogResetRateLimited(ILogger logger, Guid userId);
}
