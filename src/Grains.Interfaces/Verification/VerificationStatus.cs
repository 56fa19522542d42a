namespace GxProtocol.Grains.Interfaces.Verification;

/// <summary>Whether the user's e-mail address and the phone number now on the profile were confirmed by a code.</summary>
[GenerateSerializer, Alias("gx.VerificationStatus")]
public sealed record VerificationStatus(
    [property: Id(0)] bool EmailVerified,
    [property: Id(1)] DateTimeOffset? EmailVerifiedAt,
    [property: Id(2)] bool PhoneVerified,
    [property: Id(3)] DateTimeOffset? PhoneVerifiedAt);
