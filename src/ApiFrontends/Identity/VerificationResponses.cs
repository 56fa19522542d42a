using GxProtocol.Grains.Interfaces.Verification;

namespace GxProtocol.ApiFrontends.Identity;

/// <summary>Whether the user's e-mail address and the phone number on the profile were confirmed by a code.</summary>
public sealed record VerificationStatusResponse(bool EmailVerified, DateTimeOffset? EmailVerifiedAt, bool PhoneVerified, DateTimeOffset? PhoneVerifiedAt)
{
    public static VerificationStatusResponse From(VerificationStatus status) =>
        new(status.EmailVerified, status.EmailVerifiedAt, status.PhoneVerified, status.PhoneVerifiedAt);
}

/// <summary>A code is on its way; it works until <see cref="ExpiresAt"/>.</summary>
public sealed record CodeSentResponse(string Channel, DateTimeOffset? ExpiresAt);

/// <summary>The same answer whether or not the address belongs to a user.</summary>
public sealed record PasswordResetAcceptedResponse(string Message);
