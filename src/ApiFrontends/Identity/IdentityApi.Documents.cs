using System.Security.Claims;
using GxProtocol.ApiFrontends.Documents;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.Idempotency;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.ApiFrontends.Infrastructure.RateLimiting;
using GxProtocol.Grains.Interfaces.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GxProtocol.ApiFrontends.Identity;

/// <summary>
/// KYC documents: uploaded by their owner (scanned by clamd, recognised by content, at most 10 MB), listed by the owner
/// and admins, fetched through short-lived signed links, deleted by the owner until the KYC is approved. A document's
/// SHA-256 becomes the KYC evidence hash when the owner submits KYC with its <c>documentId</c>.
/// </summary>
public static partial class IdentityApi
{
    private const string KycApproved = "APPROVED";

    private static void MapDocumentRoutes(RouteGroupBuilder api, RouteGroupBuilder users)
    {
        // No idempotency key: its store would have to buffer a 10 MB body to fingerprint it; a repeated upload is a second document the owner can delete.
        users.MapPost("/documents", UploadDocumentAsync)
            .Accepts<DocumentUploadForm>("multipart/form-data")
            .RequireRateLimiting(RateLimitingOptions.WritesPolicy)
            .WithSummary("Upload a KYC document (self): JPEG, PNG, WebP or PDF, at most 10 MB, virus-scanned before it is stored");
        users.MapGet("/documents", ListDocumentsAsync).WithSummary("A user's KYC documents (self or admin)");

        var documents = api.MapGroup("/documents/{documentId:guid}");
        documents.MapPost("/link", CreateDocumentLinkAsync).RequireAuthorization()
            .WithSummary("A short-lived signed link to a document's content (owner or admin)");
        // The signed link is the permission: it works without a token, for a limited time, for one document.
        documents.MapGet("/content", GetDocumentContentAsync).AllowAnonymous()
            .Produces(StatusCodes.Status200OK, typeof(Stream), DocumentContentTypes.Pdf, DocumentContentTypes.Jpeg, DocumentContentTypes.Png, DocumentContentTypes.WebP)
            .WithSummary("A document's bytes through a signed link from POST /documents/{documentId}/link");
        documents.MapDelete("", DeleteDocumentAsync).RequireAuthorization().WithIdempotency()
            .WithSummary("Delete a KYC document (owner, before the KYC is approved)");
    }

    private static async Task<Results<Created<DocumentResponse>, ProblemHttpResult>> UploadDocumentAsync(
        Guid id, HttpRequest request, ClaimsPrincipal caller, IGrainFactory grains, [FromServices] DocumentIntake intake, CancellationToken cancellationToken)
    {
        // Self only: an admin reviews documents, they do not supply them for someone else.
        if (!caller.TryGetUserId(out var self) || self != id || await grains.GetGrain<IUserGrain>(id).GetProfileAsync() is null)
        {
            return GxProblems.NotFound("User");
        }
        return await intake.AcceptAsync(id, request, cancellationToken);
    }

    private static async Task<Results<Ok<DocumentListResponse>, ProblemHttpResult>> ListDocumentsAsync(
        Guid id, ClaimsPrincipal caller, IGrainFactory grains, [FromServices] IDocumentStore store, CancellationToken cancellationToken)
    {
        if (!caller.IsSelfOrAdmin(id) || await grains.GetGrain<IUserGrain>(id).GetProfileAsync() is null)
        {
            return GxProblems.NotFound("User");
        }
        var evidence = (await grains.GetGrain<IUserGrain>(id).GetKycAsync()).Evidence?.EvidenceHash;
        var documents = await store.ListAsync(id, cancellationToken);
        return TypedResults.Ok(new DocumentListResponse(documents.Select(d => DocumentResponse.From(d, evidence)).ToList()));
    }

    private static async Task<Results<Ok<DocumentLinkResponse>, ProblemHttpResult>> CreateDocumentLinkAsync(
        Guid documentId, ClaimsPrincipal caller, [FromServices] IDocumentStore store, [FromServices] DocumentLinkSigner links, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(documentId, cancellationToken) is not { } document || !caller.IsSelfOrAdmin(document.OwnerId))
        {
            return GxProblems.NotFound("Document");
        }
        var (url, expiresAt) = links.Create(documentId);
        return TypedResults.Ok(new DocumentLinkResponse(url, expiresAt));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetDocumentContentAsync(
        Guid documentId, string? expires, string? signature, HttpContext http, [FromServices] IDocumentStore store, [FromServices] DocumentLinkSigner links, CancellationToken cancellationToken)
    {
        switch (links.Check(documentId, expires, signature))
        {
            case LinkCheck.Expired:
                return GxProblems.Create(StatusCodes.Status403Forbidden, "link_expired", "The link has expired.",
                    "This document link has expired; ask for a new one with POST /identity/api/v1/documents/{documentId}/link.");
            case LinkCheck.Invalid:
                return GxProblems.Create(StatusCodes.Status403Forbidden, "link_invalid", "The link is not valid.",
                    "The expires and signature parameters do not form a valid link for this document.",
                    new Dictionary<string, string[]> { ["signature"] = ["does not match this document and expiry."] });
        }
        if (await store.FindAsync(documentId, cancellationToken) is not { } document
            || await store.OpenContentAsync(documentId, cancellationToken) is not { } content)
        {
            return GxProblems.NotFound("Document");
        }
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.ContentLength = document.SizeBytes;
        return TypedResults.Stream(content, document.ContentType);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteDocumentAsync(
        Guid documentId, ClaimsPrincipal caller, IGrainFactory grains, [FromServices] IDocumentStore store, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(documentId, cancellationToken) is not { } document
            || !caller.TryGetUserId(out var self) || self != document.OwnerId)
        {
            return GxProblems.NotFound("Document");
        }
        // Approved KYC rests on these documents: they stay as the record of what was approved.
        if ((await grains.GetGrain<IUserGrain>(document.OwnerId).GetKycAsync()).Status == KycApproved)
        {
            return GxProblems.Conflict("kyc_approved", "The KYC was approved; its documents can no longer be deleted.");
        }
        await store.DeleteAsync(documentId, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>KYC evidence from an uploaded document: its stored hash, size and type, never values the client states.</summary>
    private static async Task<Results<Ok<KycView>, ProblemHttpResult>> SubmitKycFromDocumentAsync(
        Guid id, Guid documentId, IGrainFactory grains, IServiceProvider services)
    {
        // Resolved here, not bound on the KYC route: hosts without documents still serve hash-only submissions.
        var store = services.GetRequiredService<IDocumentStore>();
        if (await store.FindAsync(documentId, CancellationToken.None) is not { } document || document.OwnerId != id)
        {
            return GxProblems.Unprocessable("unknown_document", "documentId is not a document of this user.", "documentId");
        }
        return TypedResults.Ok(await grains.GetGrain<IUserGrain>(id).SubmitKycAsync(
            new KycSubmission(document.Sha256, document.SizeBytes, document.ContentType)));
    }
}
