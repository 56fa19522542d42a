namespace GxProtocol.ApiFrontends.Identity;

/// <summary>The second step of an admin's login: the challenge token the password step answered with, and a code.</summary>
public sealed record TwoFactorLoginRequest(string ChallengeToken, string Code);

/// <summary>An admin made to enrol at login presents the challenge token to get their secret.</summary>
public sealed record TwoFactorChallengeRequest(string ChallengeToken);

/// <summary>A TOTP code of 6 digits, or an unused backup code.</summary>
public sealed record TwoFactorCodeRequest(string Code);

/// <summary>
/// A new second factor, shown once: the base32 secret, the same as an otpauth:// URI for an authenticator app (or to
/// render as a QR code), and the single-use backup codes.
/// </summary>
public sealed record TwoFactorEnrolmentResponse(string Secret, string OtpauthUri, IReadOnlyList<string> BackupCodes)
{
    public static TwoFactorEnrolmentResponse From(Grains.Interfaces.Users.TwoFactorEnrolment enrolment, string issuer, string account)
    {
        var label = $"{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}";
        var uri = $"otpauth://totp/{label}?secret={enrolment.Secret}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits=6&period=30";
        return new TwoFactorEnrolmentResponse(enrolment.Secret, uri, enrolment.BackupCodes);
    }
}

public sealed record TwoFactorStatusResponse(bool Enrolled, bool EnrolmentPending, DateTimeOffset? EnrolledAt, int BackupCodesLeft)
{
    public static TwoFactorStatusResponse From(Grains.Interfaces.Users.TwoFactorStatus status) =>
        new(status.Enrolled, status.EnrolmentPending, status.EnrolledAt, status.BackupCodesLeft);
}
