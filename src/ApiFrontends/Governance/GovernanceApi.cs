using System.Globalization;
using System.Security.Claims;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.Commands;
using GxProtocol.ApiFrontends.Infrastructure.Validation;
using GxProtocol.ApiFrontends.Services;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Governance;
using GxProtocol.Grains.Interfaces.ReadModels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GxProtocol.ApiFrontends.Governance;

/// <summary>governance (3006): parameter proposals, votes (trust score 50+, once per identity), execution after the window.</summary>
public static class GovernanceApi
{
    private static readonly string[] Statuses = ["ACTIVE", "EXECUTED", "FAILED"];
    private static readonly string[] Votes = ["FOR", "AGAINST", "ABSTAIN"];

    public static IEndpointRouteBuilder MapGovernanceApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(GxServiceNames.Prefix(GxServiceNames.Governance)).WithTags(GxServiceNames.Governance);

        api.MapPost("/proposals", SubmitAsync).RequireAuthorization(GxPolicies.Admin).AsLedgerCommand()
            .WithSummary("Propose a new value for a system parameter (admin; ledger command)");
        api.MapGet("/proposals", ListAsync).RequireAuthorization()
            .WithSummary("Governance proposals, newest first");
        api.MapGet("/proposals/{id:guid}", GetAsync).RequireAuthorization()
            .WithSummary("One proposal with its votes");
        api.MapPost("/proposals/{id:guid}/vote", VoteAsync).RequireAuthorization().AsLedgerCommand()
            .WithSummary("Vote for or against a proposal (ledger command)");
        api.MapPost("/proposals/{id:guid}/execute", ExecuteAsync).RequireAuthorization(GxPolicies.Admin).AsLedgerCommand()
            .WithSummary("Apply an accepted proposal to the system parameters (admin; ledger command)");
        return routes;
    }

    private static async Task<Results<Ok<ProposalSubmittedResponse>, Accepted<ProposalSubmittedResponse>, ProblemHttpResult>> SubmitAsync(
        SubmitProposalRequest body, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (new RequestValidator()
                .Required("title", body.Title, 200)
                .Required("description", body.Description, 5_000)
                .Required("targetParameter", body.TargetParameter, 64)
                .Must(body.ProposedValue is not null, "proposedValue", "is required.")
                .HasProblem(out var problem))
        {
            return problem;
        }
        var submitted = await grains.GetGrain<IProposalSubmissionGrain>(0).SubmitAsync(new ProposalSubmission(
            commandId.Value, caller.GetUserId(), body.Title!, body.Description!, body.TargetParameter!, body.ProposedValue!.Value));
        var answer = await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, submitted.Command);
        return answer.Result switch
        {
            Ok<CommandStatusResponse> { Value: { } finished } => TypedResults.Ok(ProposalSubmittedResponse.From(submitted.ProposalId, finished)),
            _ => TypedResults.Accepted(AcceptedCommand.StatusLocation(submitted.Command.CommandId), new ProposalSubmittedResponse(
                submitted.ProposalId, submitted.Command.CommandId, StatusName(submitted.Command.Status), null, null, null, null)),
        };
    }

    private static async Task<Results<Ok<ProposalsPage>, ProblemHttpResult>> ListAsync(string? status, string? cursor, int? limit, IGrainFactory grains)
    {
        if (new RequestValidator()
                .Must(status is null || Statuses.Contains(status), "status", "must be ACTIVE, EXECUTED or FAILED.")
                .PageLimit("limit", limit)
                .Must(cursor is null || long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out _), "cursor", "is not a cursor this API returned.")
                .HasProblem(out var problem))
        {
            return problem;
        }
        var page = await grains.GetGrain<IReadModelQueryGrain>(0).GetProposalsAsync(status, cursor, limit ?? 20);
        return TypedResults.Ok(new ProposalsPage(page.Items.Select(ProposalSummaryResponse.From).ToList(), page.NextCursor));
    }

    private static async Task<Ok<ProposalResponse>> GetAsync(Guid id, IGrainFactory grains) =>
        TypedResults.Ok(ProposalResponse.From(await grains.GetGrain<IProposalGrain>(IProposalGrain.KeyFor(id)).GetAsync()));

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> VoteAsync(
        Guid id, VoteRequest body, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var vote = body.Vote?.ToUpperInvariant();
        if (new RequestValidator()
                .Required("vote", vote, 10)
                .Must(vote is null || Votes.Contains(vote), "vote", "must be FOR, AGAINST or ABSTAIN.")
                .Optional("reason", body.Reason, 1_000)
                .HasProblem(out var problem))
        {
            return problem;
        }
        var accepted = await grains.GetGrain<IProposalGrain>(IProposalGrain.KeyFor(id)).VoteAsync(new ProposalVote(commandId.Value, caller.GetUserId(), vote!, body.Reason));
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> ExecuteAsync(
        Guid id, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var accepted = await grains.GetGrain<IProposalGrain>(IProposalGrain.KeyFor(id)).ExecuteAsync(caller.GetUserId(), commandId.Value);
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static string StatusName(CommandState state) => state.ToString().ToUpperInvariant();
}
