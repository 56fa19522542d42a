using System.Security.Cryptography;
using System.Text;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GxProtocol.ApiFrontends.Documents;

/// <summary>
/// Takes one upload from a multipart body to the store: the <c>file</c> part is streamed to a temporary spool file
/// while it is counted and hashed (the size limit holds without holding the file in memory), then scanned by clamd,
/// then recognised by its first bytes, and only then stored. Whatever is refused leaves nothing behind.
/// </summary>
public sealed class DocumentIntake(
    IDocumentStore store,
    IVirusScanner scanner,
    IOptions<DocumentOptions> documents,
    IOptions<ClamAvOptions> clamAv,
    TimeProvider clock,
    ILogger<DocumentIntake> logger)
{
    public const string FileField = "file";
    public const string KindField = "kind";
    public const int ScannerRetryAfterSeconds = 30;
    private const int MaxKindBytes = 64;

    public async Task<Results<Created<DocumentResponse>, ProblemHttpResult>> AcceptAsync(Guid ownerId, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return FileProblem(StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType, "The upload must be multipart/form-data.",
                $"Send the document as multipart/form-data with a part named '{FileField}'.");
        }
        if (clamAv.Value.ScanningRequired && !clamAv.Value.TryParseEndpoint(out _, out _))
        {
            return ScannerUnavailable(request.HttpContext, $"No virus scanner is configured ({ClamAvOptions.SectionName}:{nameof(ClamAvOptions.Endpoint)}); uploads are refused until one is.");
        }

        await using var upload = await ReadAsync(new MultipartReader(boundary, request.Body), cancellationToken);
        if (upload.Problem is { } problem)
        {
            return problem;
        }
        var spool = upload.Spool!;

        var status = DocumentStatuses.Unscanned;
        if (clamAv.Value.ScanningRequired)
        {
            spool.Position = 0;
            ScanVerdict verdict;
            try
            {
                verdict = await scanner.ScanAsync(spool, cancellationToken);
            }
            catch (VirusScannerUnavailableException e)
            {
                logger.LogWarning(e, "An upload for user {OwnerId} was refused: the virus scanner gave no verdict", ownerId);
                return ScannerUnavailable(request.HttpContext, "The virus scanner is unavailable; nothing was stored. Retry later.");
            }
            if (verdict.Infected)
            {
                logger.LogWarning("An upload for user {OwnerId} was refused: clamd found {Signature}", ownerId, verdict.Signature);
                return GxProblems.Create(StatusCodes.Status422UnprocessableEntity, "document_infected", "The document was refused.",
                    $"The virus scanner found {verdict.Signature}; the document was not stored.",
                    new Dictionary<string, string[]> { [FileField] = [$"is infected ({verdict.Signature})."] });
            }
            status = DocumentStatuses.Clean;
        }

        if (DocumentContentTypes.Sniff(upload.Header) is not { } contentType)
        {
            return FileProblem(StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType, "The document type is not accepted.",
                "must be a JPEG, PNG, WebP or PDF file; the type is recognised from the content, not from the name or declared type.");
        }

        var document = new StoredDocument(Guid.NewGuid(), ownerId, upload.Kind, contentType, upload.Size, upload.Sha256, status, clock.GetUtcNow());
        spool.Position = 0;
        await store.SaveAsync(document, spool, cancellationToken);
        return TypedResults.Created($"/identity/api/v1/users/{ownerId}/documents", DocumentResponse.From(document, kycEvidenceHash: null));
    }

    private async Task<Upload> ReadAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        var upload = new Upload();
        var limit = documents.Value.MaxBytes;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                var name = section.GetContentDispositionHeader()?.Name.Value?.Trim('"');
                if (name == FileField)
                {
                    if (upload.Spool is not null)
                    {
                        return upload.Fail(FileProblem(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed, "The request is invalid.",
                            "must be sent once: one document per upload."));
                    }
                    if (!await upload.SpoolAsync(section.Body, limit, cancellationToken))
                    {
                        return upload.Fail(FileProblem(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, "The document is too large.",
                            $"must not exceed {limit} bytes."));
                    }
                }
                else if (name == KindField)
                {
                    var text = await ReadSmallTextAsync(section.Body, cancellationToken);
                    if (DocumentKinds.Normalize(text) is not { } kind)
                    {
                        return upload.Fail(GxProblems.Validation(KindField, $"must be one of {string.Join(", ", DocumentKinds.All)}."));
                    }
                    upload.Kind = kind;
                }
                else
                {
                    return upload.Fail(GxProblems.Validation(name ?? "(unnamed part)", $"is not a field of this upload; send '{FileField}' and optionally '{KindField}'."));
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException && e is not BadHttpRequestException)
        {
            return upload.Fail(FileProblem(StatusCodes.Status400BadRequest, ProblemCodes.InvalidBody, "The request body is invalid.",
                $"the multipart body could not be read ({e.Message})."));
        }
        if (upload.Spool is null)
        {
            return upload.Fail(FileProblem(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed, "The request is invalid.", "is required."));
        }
        if (upload.Size == 0)
        {
            return upload.Fail(FileProblem(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed, "The request is invalid.", "must not be empty."));
        }
        return upload;
    }

    private static async Task<string> ReadSmallTextAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxKindBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }
        // An over-long value is not a kind; the rest of the part is skipped by the reader.
        return total > MaxKindBytes ? "\0" : Encoding.UTF8.GetString(buffer, 0, total);
    }

    private static ProblemHttpResult FileProblem(int status, string code, string title, string message) =>
        GxProblems.Create(status, code, title, $"{FileField}: {message}", new Dictionary<string, string[]> { [FileField] = [message] });

    private static ProblemHttpResult ScannerUnavailable(HttpContext http, string detail)
    {
        http.Response.Headers.RetryAfter = ScannerRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return GxProblems.Create(StatusCodes.Status503ServiceUnavailable, "scanner_unavailable", "The virus scanner is unavailable.", detail);
    }

    /// <summary>The parts of one multipart body, with the file spooled to a temporary file deleted on dispose.</summary>
    private sealed class Upload : IAsyncDisposable
    {
        private readonly byte[] _header = new byte[DocumentContentTypes.HeaderBytes];
        private int _headerLength;

        public FileStream? Spool { get; private set; }
        public long Size { get; private set; }
        public string Sha256 { get; private set; } = "";
        public string Kind { get; set; } = DocumentKinds.Other;
        public ProblemHttpResult? Problem { get; private set; }
        public ReadOnlySpan<byte> Header => _header.AsSpan(0, _headerLength);

        public Upload Fail(ProblemHttpResult problem)
        {
            Problem = problem;
            return this;
        }

        /// <summary>Copies the part to the spool, hashing and counting; false as soon as it exceeds <paramref name="limit"/>.</summary>
        public async Task<bool> SpoolAsync(Stream part, long limit, CancellationToken cancellationToken)
        {
            Spool = new FileStream(Path.Combine(Path.GetTempPath(), $"gx-upload-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.ReadWrite,
                FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int read;
            while ((read = await part.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (Size + read > limit)
                {
                    return false;
                }
                var headerPart = Math.Min(read, _header.Length - _headerLength);
                buffer.AsSpan(0, headerPart).CopyTo(_header.AsSpan(_headerLength));
                _headerLength += headerPart;
                hash.AppendData(buffer, 0, read);
                await Spool.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                Size += read;
            }
            await Spool.FlushAsync(cancellationToken);
            Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            return true;
        }

        public async ValueTask DisposeAsync()
        {
            if (Spool is not null)
            {
                await Spool.DisposeAsync();
            }
        }
    }
}
