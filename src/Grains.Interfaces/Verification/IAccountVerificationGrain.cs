using Orleans.Concurrency;

namespace GxProtocol.Grains.Interfaces.Verification;

/// <summary>
/// One user's contact verification and password reset by one-time codes, keyed by user id. Codes are stored hashed,
/// expire, allow a limited number of wrong tries and are consumed by their first correct use; sending is rate-limited
/// per address and purpose.
/// </summary>
[Alias("gx.IAccountVerificationGrain")]
public interface IAccountVerificationGrain : IGrainWithGuidKey
{
    /// <summary>Mails a new code to the user's address (the previous one stops working).</summary>
    [Alias("SendEmailCode")] Task<CodeDelivery> SendEmailCodeAsync();

    [Alias("ConfirmEmail")] Task<CodeCheck> ConfirmEmailAsync(string code);

    /// <summary>Sends a new code to the phone number on the user's profile.</summary>
    [Alias("SendPhoneCode")] Task<CodeDelivery> SendPhoneCodeAsync();

    [Alias("ConfirmPhone")] Task<CodeCheck> ConfirmPhoneAsync(string code);

    /// <summary>
    /// Mails a password-reset code. One-way: the caller (an anonymous request) does not wait for the mail, so the
    /// answer's timing does not tell whether the address belongs to a user.
    /// </summary>
    [Alias("SendPasswordResetCode"), OneWay] Task SendPasswordResetCodeAsync();

    /// <summary>With a correct reset code: replaces the password hash and revokes every refresh token of the user.</summary>
    [Alias("ResetPassword")] Task<CodeCheck> ResetPasswordAsync(string code, string newPasswordHash);

    /// <summary>Read-only, so it interleaves: the user grain asks it while submitting KYC.</summary>
    [Alias("GetStatus"), AlwaysInterleave] Task<VerificationStatus> GetStatusAsync();

    /// <summary>For accounts whose address the operator configured (the seeded super admin): verified without a code.</summary>
    [Alias("MarkEmailVerified")] Task MarkEmailVerifiedAsync();
}
