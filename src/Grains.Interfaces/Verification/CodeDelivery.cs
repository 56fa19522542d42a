namespace GxProtocol.Grains.Interfaces.Verification;

public enum CodeDeliveryOutcome
{
    Sent = 0,
    /// <summary>Too many codes to this address lately; <see cref="CodeDelivery.RetryAfter"/> says when the next may go.</summary>
    RateLimited = 1,
    /// <summary>The mail server or SMS sender failed; nothing was stored, so trying again later costs no quota.</summary>
    Unavailable = 2,
    AlreadyVerified = 3,
    /// <summary>No user, or (phone) no number on the profile.</summary>
    NoAddress = 4,
}

/// <summary>What became of a request to send a code.</summary>
[GenerateSerializer, Alias("gx.CodeDelivery")]
public sealed record CodeDelivery(
    [property: Id(0)] CodeDeliveryOutcome Outcome,
    [property: Id(1)] TimeSpan? RetryAfter = null,
    [property: Id(2)] DateTimeOffset? ExpiresAt = null);
