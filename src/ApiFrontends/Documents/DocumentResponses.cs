namespace GxProtocol.ApiFrontends.Documents;

/// <summary>A document's metadata as clients see it; <c>kycEvidence</c> is true when its hash is the user's submitted KYC evidence.</summary>
public sealed record DocumentResponse(
    Guid DocumentId,
    Guid OwnerId,
    string Kind,
    string ContentType,
    long SizeBytes,
    string Sha256,
    string Status,
    DateTimeOffset CreatedAt,
    bool KycEvidence)
{
    public static DocumentResponse From(StoredDocument document, string? kycEvidenceHash) => new(
        document.DocumentId, document.OwnerId, document.Kind, document.ContentType, document.SizeBytes, document.Sha256, document.Status,
        document.CreatedAt, kycEvidenceHash is not null && string.Equals(kycEvidenceHash, document.Sha256, StringComparison.OrdinalIgnoreCase));
}

public sealed record DocumentListResponse(IReadOnlyList<DocumentResponse> Items);

/// <summary>A download link that works without a token until <c>expiresAt</c>.</summary>
public sealed record DocumentLinkResponse(string Url, DateTimeOffset ExpiresAt);

/// <summary>The multipart form of an upload, for the OpenAPI document; the route reads the body as a stream itself.</summary>
public sealed class DocumentUploadForm
{
    /// <summary>The document: JPEG, PNG, WebP or PDF, at most 10 MB.</summary>
    public Microsoft.AspNetCore.Http.IFormFile? File { get; set; }

    /// <summary>PASSPORT, NATIONAL_ID, DRIVING_LICENCE, PROOF_OF_ADDRESS, SELFIE or OTHER (default).</summary>
    public string? Kind { get; set; }
}
