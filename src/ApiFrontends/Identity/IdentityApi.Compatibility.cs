using System.Security.Claims;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.Grains.Interfaces.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GxProtocol.ApiFrontends.Identity;

/// <summary>Routes in the shape the original backend's clients expect, beside ours.</summary>
public static partial class IdentityApi
{
    private static void MapCompatibilityRoutes(RouteGroupBuilder api) =>
        api.MapGet("/commands/{commandId:guid}/status", GetOriginalCommandStatusAsync).RequireAuthorization()
            .WithSummary("A command's status in the original backend's shape (PENDING, PROCESSING, CONFIRMED, FAILED)");

    private static async Task<Results<Ok<OriginalCommandStatusResponse>, ProblemHttpResult>> GetOriginalCommandStatusAsync(
        Guid commandId, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var status = await grains.GetGrain<ICommandGrain>(commandId).GetAsync();
        return status is not null && (caller.IsAdmin() || (status.OwnerUserId is { } owner && caller.IsSelfOrAdmin(owner)))
            ? TypedResults.Ok(OriginalCommandStatusResponse.From(status))
            : GxProblems.NotFound("Command");
    }
}

/// <summary>
/// The original's command status: PENDING (accepted), PROCESSING (handed to the ledger), CONFIRMED (committed; result
/// names the transaction and block) or FAILED (error says why).
/// </summary>
public sealed record OriginalCommandStatusResponse(
    Guid CommandId, string Status, OriginalCommandResult? Result, string? Error, DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt)
{
    public static OriginalCommandStatusResponse From(CommandStatus status) => new(
        status.CommandId,
        status.State switch
        {
            CommandState.Pending => "PENDING",
            CommandState.Submitted => "PROCESSING",
            CommandState.Committed => "CONFIRMED",
            _ => "FAILED",
        },
        status.State == CommandState.Committed ? new OriginalCommandResult(status.TransactionId, status.BlockNumber) : null,
        status.State == CommandState.Failed ? $"{status.ErrorCode}: {status.ErrorMessage}" : null,
        status.AcceptedAt,
        status.CompletedAt);
}

public sealed record OriginalCommandResult(string? TransactionId, ulong? BlockNumber);
