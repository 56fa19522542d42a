using System.Security.Cryptography;
using System.Text;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Users;
using OtpNet;

namespace GxProtocol.Grains.Users;

/// <summary>
/// TOTP (RFC 6238: SHA-1, 6 digits, 30 s, one step of clock drift either way) and backup codes for one admin, and the
/// lockout that failed passwords and failed codes share. State is persisted on every change, so a lock survives a
/// silo restart; only admin accounts have this grain, so anonymous callers cannot drive writes for ordinary users.
/// </summary>
public sealed class AdminSignInGrain(
    [PersistentState("adminSignIn", GxStorage.Name)] IPersistentState<AdminSignInState> state,
    TimeProvider clock) : Grain, IAdminSignInGrain
{
    private const int SecretBytes = 20;

    // 16 characters of base32: 80 random bits, too many to guess from a stolen hash, so a plain SHA-256 is enough.
    private const int BackupCodeLength = 16;
    private const string BackupAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static readonly VerificationWindow Drift = new(previous: 1, future: 1);

    private AdminSignInState State => state.State;

    public Task<TwoFactorStatus> GetStatusAsync() => Task.FromResult(new TwoFactorStatus(
        State.Secret is not null, State.PendingSecret is not null, State.EnrolledAt, State.BackupCodeHashes.Count,
        State.LockedUntil > clock.GetUtcNow() ? State.LockedUntil : null));

    public async Task<TwoFactorEnrolment> BeginEnrolmentAsync()
    {
        if (State.Secret is not null)
        {
            throw DomainRuleException.Conflict("already_enrolled", "Two-factor sign-in is already set up; a super admin can reset it.");
        }
        var secret = KeyGeneration.GenerateRandomKey(SecretBytes);
        var codes = Enumerable.Range(0, IAdminSignInGrain.BackupCodeCount).Select(_ => NewBackupCode()).ToList();
        State.PendingSecret = secret;
        State.PendingBackupCodeHashes = codes.Select(HashBackupCode).ToList();
        await state.WriteStateAsync();
        return new TwoFactorEnrolment(Base32Encoding.ToString(secret), codes);
    }

    public async Task<SecondFactorResult> ConfirmEnrolmentAsync(string code)
    {
        if (Locked() is { } locked)
        {
            return new SecondFactorResult(false, LockedFor: locked);
        }
        if (State.Secret is not null)
        {
            throw DomainRuleException.Conflict("already_enrolled", "Two-factor sign-in is already set up.");
        }
        if (State.PendingSecret is null)
        {
            return new SecondFactorResult(false, NotEnrolled: true);
        }
        if (!MatchesTotp(State.PendingSecret, code, out var step))
        {
            return await FailAsync();
        }
        State.Secret = State.PendingSecret;
        State.BackupCodeHashes = State.PendingBackupCodeHashes;
        State.PendingSecret = null;
        State.PendingBackupCodeHashes = [];
        State.LastUsedStep = step;
        State.EnrolledAt = clock.GetUtcNow();
        State.Failures = 0;
        await state.WriteStateAsync();
        return new SecondFactorResult(true);
    }

    public async Task<SecondFactorResult> VerifyAsync(string code)
    {
        if (Locked() is { } locked)
        {
            return new SecondFactorResult(false, LockedFor: locked);
        }
        if (State.Secret is null)
        {
            return new SecondFactorResult(false, NotEnrolled: true);
        }
        if (MatchesTotp(State.Secret, code, out var step))
        {
            State.LastUsedStep = step;
            State.Failures = 0;
            await state.WriteStateAsync();
            return new SecondFactorResult(true);
        }
        var hash = HashBackupCode(code);
        if (State.BackupCodeHashes.Remove(hash))
        {
            State.Failures = 0;
            await state.WriteStateAsync();
            return new SecondFactorResult(true, UsedBackupCode: true);
        }
        return await FailAsync();
    }

    public Task<TimeSpan?> LockedForAsync() => Task.FromResult(Locked());

    public async Task<TimeSpan?> RecordFailedPasswordAsync()
    {
        if (Locked() is { } locked)
        {
            return locked;
        }
        await FailAsync();
        return Locked();
    }

    public async Task RecordSignInAsync()
    {
        if (State.Failures != 0 || State.LockedUntil is not null)
        {
            State.Failures = 0;
            State.LockedUntil = null;
            await state.WriteStateAsync();
        }
    }

    public async Task ResetAsync()
    {
        state.State = new AdminSignInState();
        await state.WriteStateAsync();
    }

    private async Task<SecondFactorResult> FailAsync()
    {
        State.Failures++;
        if (State.Failures >= IAdminSignInGrain.MaxFailures)
        {
            State.Failures = 0;
            State.LockedUntil = clock.GetUtcNow() + IAdminSignInGrain.LockDuration;
        }
        await state.WriteStateAsync();
        // The attempt that reaches the limit is answered as wrong, like the ones before it; the lock meets the next one.
        return new SecondFactorResult(false);
    }

    private TimeSpan? Locked()
    {
        var remaining = State.LockedUntil - clock.GetUtcNow();
        return remaining > TimeSpan.Zero ? remaining : null;
    }

    /// <summary>A code of a step already used (or earlier) is refused, so an overheard code cannot be replayed within its window.</summary>
    private bool MatchesTotp(byte[] secret, string code, out long step)
    {
        step = -1;
        var digits = code.Trim().Replace(" ", "", StringComparison.Ordinal);
        return digits.Length == 6 && digits.All(char.IsAsciiDigit)
            && new Totp(secret).VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out step, Drift)
            && step > State.LastUsedStep;
    }

    private static string NewBackupCode()
    {
        var chars = RandomNumberGenerator.GetItems<char>(BackupAlphabet, BackupCodeLength);
        return string.Join('-', chars.Chunk(4).Select(group => new string(group)));
    }

    /// <summary>Case and dashes do not matter: "abcd-efgh-…" and "ABCDEFGH…" are the same code.</summary>
    private static string HashBackupCode(string code)
    {
        var normalized = new string(code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }
}
