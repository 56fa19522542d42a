namespace GxProtocol.ApiFrontends.Documents;

/// <summary>Bound from <c>Gx:Documents</c>: KYC document uploads, their storage and their signed download links.</summary>
public sealed class DocumentOptions
{
    public const string SectionName = "Gx:Documents";

    /// <summary>The product's ceiling for one document; a deployment may lower it, never raise it.</summary>
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    public const int DefaultLinkLifetimeSeconds = 300;

    public const int MinimumLinkKeyBytes = 32;

    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>Where the directory store keeps documents (the embedded default); unused in PostgreSQL mode.</summary>
    public string? Directory { get; set; }

    /// <summary>
    /// Base64 of at least 32 random bytes (HMAC-SHA256) for download links. When unset, a key is derived from
    /// <c>Gx:Jwt:SigningKey</c>, which every frontend of a deployment already shares.
    /// </summary>
    public string? LinkSigningKey { get; set; }

    public int LinkLifetimeSeconds { get; set; } = DefaultLinkLifetimeSeconds;
}
