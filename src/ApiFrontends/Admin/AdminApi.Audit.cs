using System.Globalization;
using GxProtocol.ApiFrontends.Infrastructure.Audit;
using GxProtocol.ApiFrontends.Infrastructure.Validation;
using GxProtocol.Grains.Interfaces.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GxProtocol.ApiFrontends.Admin;

/// <summary>The audit log of administrative requests, for super admins.</summary>
public static partial class AdminApi
{
    private static void MapAuditRoutes(RouteGroupBuilder superAdmin) =>
        superAdmin.MapGet("/audit", ListAuditAsync)
            .WithSummary("Administrative requests, newest first, by actor, action, target or request id");

    private static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> ListAuditAsync(
        string? actor, string? action, string? target, string? requestId, string? cursor, int? limit, IGrainFactory grains)
    {
        Guid actorId = default;
        if (new RequestValidator()
                .Must(actor is null || Guid.TryParse(actor, out actorId), "actor", "must be a user id (GUID).")
                .Optional("action", action, 300)
                .Optional("target", target, 300)
                .Optional("requestId", requestId, AuditMiddleware.MaxRequestIdLength)
                .PageLimit("limit", limit)
                .Must(cursor is null || long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out _), "cursor", "is not a cursor this API returned.")
                .HasProblem(out var problem))
        {
            return problem;
        }
        var page = await grains.GetGrain<IAuditLogGrain>(0).ListAsync(
            new AuditQuery(actor is null ? null : actorId, action, target, requestId, cursor, limit ?? 20));
        return TypedResults.Ok(new AuditPage(page.Items, page.NextCursor));
    }
}

public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, string? NextCursor);
