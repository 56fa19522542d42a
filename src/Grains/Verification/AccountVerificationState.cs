namespace GxProtocol.Grains.Verification;

[GenerateSerializer, Alias("gx.AccountVerificationState")]
public sealed class AccountVerificationState
{
    [Id(0)] public DateTimeOffset? EmailVerifiedAt { get; set; }

    /// <summary>The address that was confirmed (a later change of address would need confirming again).</summary>
    [Id(1)] public string? VerifiedEmail { get; set; }

    [Id(2)] public DateTimeOffset? PhoneVerifiedAt { get; set; }

    /// <summary>The number that was confirmed: a profile changed to another number is unverified again.</summary>
    [Id(3)] public string? VerifiedPhone { get; set; }

    /// <summary>The code waiting per purpose (email, phone, reset); at most one each.</summary>
    [Id(4)] public Dictionary<string, PendingCode> Codes { get; set; } = [];

    /// <summary>When codes were sent in the last hour, per purpose: the per-address rate limit.</summary>
    [Id(5)] public Dictionary<string, List<DateTimeOffset>> Sends { get; set; } = [];
}

/// <summary>A code waiting to be used: its hash and salt, its end, the wrong tries so far and where it was sent.</summary>
[GenerateSerializer, Alias("gx.PendingCode")]
public sealed record PendingCode(
    [property: Id(0)] string Hash,
    [property: Id(1)] string Salt,
    [property: Id(2)] DateTimeOffset ExpiresAt,
    [property: Id(3)] int FailedAttempts,
    [property: Id(4)] string Target);
