namespace GxProtocol.Grains.Verification;

/// <summary>
/// One-time codes (Gx:Verification): lifetime, tries, and how often one address may be sent a code; checked by
/// <see cref="VerificationOptionsValidator"/>.
/// </summary>
public sealed class VerificationOptions
{
    public const string SectionName = "Gx:Verification";

    public const int DefaultMaxAttempts = 5;
    public const int DefaultMaxSendsPerHour = 5;
    public static readonly TimeSpan DefaultCodeLifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan DefaultResendInterval = TimeSpan.FromSeconds(60);

    public TimeSpan CodeLifetime { get; set; } = DefaultCodeLifetime;

    /// <summary>Wrong tries a code survives; the last one locks it.</summary>
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    /// <summary>The least time between two codes to the same address for the same purpose.</summary>
    public TimeSpan ResendInterval { get; set; } = DefaultResendInterval;

    /// <summary>Codes to one address for one purpose within any hour.</summary>
    public int MaxSendsPerHour { get; set; } = DefaultMaxSendsPerHour;
}
