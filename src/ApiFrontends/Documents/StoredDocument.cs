namespace GxProtocol.ApiFrontends.Documents;

/// <summary>A stored document's metadata; its bytes are read through <see cref="IDocumentStore.OpenContentAsync"/>.</summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the stored bytes: the KYC evidence hash when the document backs a KYC submission.</param>
/// <param name="Status">How the document was admitted: <see cref="DocumentStatuses"/>.</param>
public sealed record StoredDocument(
    Guid DocumentId,
    Guid OwnerId,
    string Kind,
    string ContentType,
    long SizeBytes,
    string Sha256,
    string Status,
    DateTimeOffset CreatedAt);

public static class DocumentStatuses
{
    /// <summary>clamd scanned the bytes and found nothing.</summary>
    public const string Clean = "CLEAN";

    /// <summary>Stored while scanning was switched off (<c>Gx:Documents:ClamAv:Enabled=false</c>).</summary>
    public const string Unscanned = "UNSCANNED";
}

/// <summary>What a document is meant to prove; the client says so, the bytes only say the file type.</summary>
public static class DocumentKinds
{
    public const string Other = "OTHER";

    public static readonly IReadOnlyList<string> All = ["PASSPORT", "NATIONAL_ID", "DRIVING_LICENCE", "PROOF_OF_ADDRESS", "SELFIE", Other];

    public static string? Normalize(string? kind) =>
        string.IsNullOrWhiteSpace(kind) ? Other : All.FirstOrDefault(k => string.Equals(k, kind.Trim(), StringComparison.OrdinalIgnoreCase));
}
