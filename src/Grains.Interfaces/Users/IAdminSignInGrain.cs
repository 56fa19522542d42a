namespace GxProtocol.Grains.Interfaces.Users;

/// <summary>
/// The sign-in security of one admin or super admin (keyed by user id): the TOTP second factor with its backup codes,
/// and the account lockout. The TOTP secret never leaves this grain after enrolment: codes are checked here.
/// Failed passwords and failed codes share one counter; <see cref="MaxFailures"/> in a row lock the account for
/// <see cref="LockDuration"/>, and only a complete sign-in (or a super admin's reset) clears the counter.
/// </summary>
[Alias("gx.IAdminSignInGrain")]
public interface IAdminSignInGrain : IGrainWithGuidKey
{
    public const int MaxFailures = 5;
    public const int BackupCodeCount = 10;
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(30);

    [Alias("GetStatus")] Task<TwoFactorStatus> GetStatusAsync();

    /// <summary>
    /// Starts (or restarts) an enrolment: a new secret and new backup codes, returned this once. The second factor is
    /// not required until <see cref="ConfirmEnrolmentAsync"/> accepts a first code. 409 <c>already_enrolled</c> when enrolled.
    /// </summary>
    [Alias("BeginEnrolment")] Task<TwoFactorEnrolment> BeginEnrolmentAsync();

    /// <summary>Enrols with the pending secret once <paramref name="code"/> is one of its codes; a wrong code counts as a failure.</summary>
    [Alias("ConfirmEnrolment")] Task<SecondFactorResult> ConfirmEnrolmentAsync(string code);

    /// <summary>
    /// Checks a TOTP code (a code's time step is accepted once: a replay in the same step is refused) or an unused
    /// backup code (used up by this call). A wrong code counts as a failure.
    /// </summary>
    [Alias("Verify")] Task<SecondFactorResult> VerifyAsync(string code);

    /// <summary>How long the account is still locked; null when it is not.</summary>
    [Alias("LockedFor")] Task<TimeSpan?> LockedForAsync();

    /// <summary>Counts a wrong password; returns how long the account is now locked, if it is.</summary>
    [Alias("RecordFailedPassword")] Task<TimeSpan?> RecordFailedPasswordAsync();

    /// <summary>A sign-in completed: the failure counter starts again.</summary>
    [Alias("RecordSignIn")] Task RecordSignInAsync();

    /// <summary>A super admin's reset: forgets the second factor and its codes and lifts a lock.</summary>
    [Alias("Reset")] Task ResetAsync();
}

[GenerateSerializer, Alias("gx.TwoFactorStatus")]
public sealed record TwoFactorStatus(
    [property: Id(0)] bool Enrolled,
    [property: Id(1)] bool EnrolmentPending,
    [property: Id(2)] DateTimeOffset? EnrolledAt,
    [property: Id(3)] int BackupCodesLeft,
    [property: Id(4)] DateTimeOffset? LockedUntil);

/// <summary>The new secret (base32) and the backup codes in clear: shown to the admin once, stored only hashed or in the grain.</summary>
[GenerateSerializer, Alias("gx.TwoFactorEnrolment")]
public sealed record TwoFactorEnrolment(
    [property: Id(0)] string Secret,
    [property: Id(1)] IReadOnlyList<string> BackupCodes);

[GenerateSerializer, Alias("gx.SecondFactorResult")]
public sealed record SecondFactorResult(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] bool UsedBackupCode = false,
    [property: Id(2)] TimeSpan? LockedFor = null,
    [property: Id(3)] bool NotEnrolled = false);
