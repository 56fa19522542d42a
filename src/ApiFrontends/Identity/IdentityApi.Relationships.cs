using System.Globalization;
using System.Security.Claims;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.Commands;
using GxProtocol.ApiFrontends.Infrastructure.Validation;
using GxProtocol.Grains.Interfaces.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GxProtocol.ApiFrontends.Identity;

/// <summary>The caller's relationships: list, one link, reject an invitation, the caller's trust score.</summary>
public static partial class IdentityApi
{
    private static readonly string[] Directions = [RelationshipListQuery.Outgoing, RelationshipListQuery.Incoming];

    private static void MapRelationshipRoutes(RouteGroupBuilder relationships)
    {
        relationships.MapGet("", ListRelationshipsAsync)
            .WithSummary("The caller's links, newest first: asked by them (outgoing), waiting for or answered by them (incoming), or both");
        relationships.MapGet("/trust-score", GetOwnTrustScoreAsync).WithSummary("The caller's trust score with its parts");
        relationships.MapGet("/{relationshipId:guid}", GetRelationshipAsync).WithSummary("One link, to either of its two users");
        relationships.MapPost("/{relationshipId:guid}/reject", RejectRelationshipAsync).AsLedgerCommand()
            .WithSummary("The invited user turns a pending link down");
    }

    private static async Task<Results<Ok<RelationshipsPage>, ProblemHttpResult>> ListRelationshipsAsync(
        string? direction, string? status, string? cursor, int? limit, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var normalizedDirection = direction?.Trim().ToLowerInvariant();
        var normalizedStatus = status?.Trim().ToUpperInvariant();
        if (new RequestValidator()
                .Must(normalizedDirection is null || Directions.Contains(normalizedDirection), "direction", "must be outgoing or incoming (or left out for both).")
                .Must(normalizedStatus is null || RelationshipView.Statuses.Contains(normalizedStatus), "status", $"must be one of {string.Join(", ", RelationshipView.Statuses)}.")
                .PageLimit("limit", limit)
                .Must(cursor is null || long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out _), "cursor", "is not a cursor this API returned.")
                .HasProblem(out var problem))
        {
            return problem;
        }
        var page = await grains.GetGrain<IRelationshipListGrain>(0).ListAsync(
            new RelationshipListQuery(caller.GetUserId(), normalizedDirection, normalizedStatus, cursor, limit ?? 20));
        return TypedResults.Ok(new RelationshipsPage(page.Items.Select(RelationshipResponse.From).ToList(), page.NextCursor));
    }

    private static async Task<Ok<TrustScoreResponse>> GetOwnTrustScoreAsync(ClaimsPrincipal caller, IGrainFactory grains) =>
        TypedResults.Ok(TrustScoreResponse.From(await grains.GetGrain<IUserGrain>(caller.GetUserId()).GetTrustScoreAsync()));

    private static async Task<Ok<RelationshipResponse>> GetRelationshipAsync(Guid relationshipId, ClaimsPrincipal caller, IGrainFactory grains) =>
        TypedResults.Ok(RelationshipResponse.From(await grains.GetGrain<IRelationshipGrain>(relationshipId).GetAsync(caller.GetUserId())));

    private static async Task<Ok<RelationshipResponse>> RejectRelationshipAsync(Guid relationshipId, ClaimsPrincipal caller, IGrainFactory grains) =>
        TypedResults.Ok(RelationshipResponse.From(await grains.GetGrain<IRelationshipGrain>(relationshipId).RejectAsync(caller.GetUserId())));
}

public sealed record RelationshipsPage(IReadOnlyList<RelationshipResponse> Items, string? NextCursor);
