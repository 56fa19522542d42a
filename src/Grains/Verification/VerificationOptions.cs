namespace GxProtocol.Grains.Verification;

/// <summary>One-time codes (Gx:Verification): lifetime, tries, and how often one address may be sent a code.</summary>
public sealed class VerificationOptions
{
    public const string Section = "Gx:Verification";

    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Wrong tries a code survives; the last one locks it.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The least time between two codes to the same address for the same purpose.</summary>
    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Codes to one address for one purpose within any hour.</summary>
    public int MaxSendsPerHour { get; set; } = 5;
}
