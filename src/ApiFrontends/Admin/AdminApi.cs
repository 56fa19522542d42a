using System.Security.Claims;
using GxProtocol.ApiFrontends.Identity;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.Commands;
using GxProtocol.ApiFrontends.Infrastructure.Idempotency;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.ApiFrontends.Infrastructure.Validation;
using GxProtocol.ApiFrontends.Services;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Outbox;
using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.Interfaces.System;
using GxProtocol.Grains.Interfaces.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GxProtocol.ApiFrontends.Admin;

/// <summary>
/// admin (3002): bootstrap, countries, user approval, system status and outbox here; parameters, pause, admins and
/// treasuries in AdminApi.System.cs; counters and the cluster view in AdminApi.Insight.cs.
/// </summary>
public static partial class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(GxServiceNames.Prefix(GxServiceNames.Admin)).WithTags(GxServiceNames.Admin);
        var superAdmin = api.MapGroup("").RequireAuthorization(GxPolicies.SuperAdmin);
        var admin = api.MapGroup("").RequireAuthorization(GxPolicies.Admin);

        superAdmin.MapPost("/bootstrap", BootstrapAsync).WithIdempotency()
            .WithSummary("Bootstrap the system on the ledger, once (ledger command)");
        superAdmin.MapPost("/countries/initialize", InitializeCountriesAsync).WithIdempotency()
            .WithSummary("Register countries on the ledger (ledger command)");
        superAdmin.MapPost("/read-models/rebuild", RebuildReadModelsAsync).WithIdempotency()
            .WithSummary("Replay the ledger into fresh read models and report differences; ?replace=true swaps them in");
        admin.MapGet("/countries", GetCountriesAsync).WithSummary("The countries registered on the ledger");
        admin.MapPost("/users/{id:guid}/approve", ApproveUserAsync).WithIdempotency()
            .WithSummary("Approve a user's KYC: registers them on the ledger and pays their genesis (ledger command)");
        admin.MapPost("/users/{id:guid}/deny", DenyUserAsync).WithIdempotency()
            .WithSummary("Deny a user's KYC, with a reason");
        admin.MapGet("/system/status", GetSystemStatusAsync)
            .WithSummary("Whether the system is bootstrapped or paused, its supply and pool balances");
        admin.MapGet("/outbox", GetOutboxAsync).WithSummary("Ledger commands in the outbox and their states");
        admin.MapPost("/outbox/{commandId:guid}/retry", RetryCommandAsync).WithIdempotency()
            .WithSummary("Submit a failed ledger command again");
        admin.MapPost("/outbox/{commandId:guid}/cancel", CancelCommandAsync).WithIdempotency()
            .WithSummary("Cancel a ledger command that has not reached the ledger");
        MapSystemRoutes(admin, superAdmin);
        MapInsightRoutes(admin);
        MapUserRoutes(admin);
        MapAuditRoutes(superAdmin);
        MapWebhookRoutes(superAdmin);
        MapSignInRoutes(admin, superAdmin);
        return routes;
    }

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> BootstrapAsync(
        LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var accepted = await grains.GetGrain<ISystemGrain>(ISystemGrain.Key).BootstrapAsync(caller.GetUserId(), commandId.Value);
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> InitializeCountriesAsync(
        CountryRequest[] body, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var validator = new RequestValidator().Must(body.Length is >= 1 and <= 250, "body", "must list between 1 and 250 countries.");
        // JSON null elements get past nullable annotations, which cover properties, not array items.
        if (Array.IndexOf(body, null) is var nullAt and >= 0)
        {
            return GxProblems.Validation($"[{nullAt}]", "must be a country object, not null.");
        }
        for (var i = 0; i < body.Length; i++)
        {
            validator.CountryCode($"[{i}].code", body[i].Code)
                .Required($"[{i}].name", body[i].Name, 100)
                .Must(body[i].Percentage is > 0 and <= 100, $"[{i}].percentage", "must be above 0 and at most 100.");
        }
        validator.Must(body.Select(c => c.Code?.ToUpperInvariant()).Distinct().Count() == body.Length, "body", "lists a country twice.")
            .Must(body.Sum(c => c.Percentage) <= 100, "body", "percentages add up to more than 100.");
        if (validator.HasProblem(out var problem))
        {
            return problem;
        }
        var countries = body.Select(c => new CountryView(c.Code.ToUpperInvariant(), c.Name.Trim(), c.Percentage)).ToList();
        var accepted = await grains.GetGrain<ISystemGrain>(ISystemGrain.Key).InitializeCountriesAsync(caller.GetUserId(), commandId.Value, countries);
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static async Task<Ok<IReadOnlyList<CountryView>>> GetCountriesAsync(IGrainFactory grains) =>
        TypedResults.Ok((await grains.GetGrain<ISystemGrain>(ISystemGrain.Key).GetStatusAsync()).Countries);

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> ApproveUserAsync(
        Guid id, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (id == caller.GetUserId())
        {
            return SelfReview();
        }
        var accepted = await grains.GetGrain<IUserGrain>(id).ApproveAsync(caller.GetUserId(), commandId.Value);
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> DenyUserAsync(Guid id, DenyUserRequest body, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (new RequestValidator().Required("reason", body.Reason, 500).HasProblem(out var problem))
        {
            return problem;
        }
        if (id == caller.GetUserId())
        {
            return SelfReview();
        }
        return TypedResults.Ok(UserResponse.From(await grains.GetGrain<IUserGrain>(id).DenyAsync(body.Reason)));
    }

    /// <summary>Separation of duties: an admin's own KYC is decided by another admin (approval would pay them a genesis).</summary>
    private static ProblemHttpResult SelfReview() =>
        GxProblems.Create(StatusCodes.Status403Forbidden, "self_approval", "Forbidden.", "An admin cannot decide their own KYC; another admin must.");

    private static async Task<Ok<SystemStatusResponse>> GetSystemStatusAsync(IGrainFactory grains) =>
        TypedResults.Ok(SystemStatusResponse.From(await grains.GetGrain<ISystemGrain>(ISystemGrain.Key).GetStatusAsync()));

    private static async Task<Ok<OutboxOverview>> GetOutboxAsync(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IOutboxAdminGrain>(0).GetOverviewAsync());

    private static async Task<Results<Ok<CommandStatusResponse>, ProblemHttpResult>> RetryCommandAsync(Guid commandId, IGrainFactory grains) =>
        await OperateOnDeadLetterAsync(commandId, grains, admin => admin.RetryAsync(commandId));

    private static async Task<Results<Ok<CommandStatusResponse>, ProblemHttpResult>> CancelCommandAsync(
        Guid commandId, CancelCommandRequest body, IGrainFactory grains)
    {
        if (new RequestValidator().Required("reason", body.Reason, 500).HasProblem(out var problem))
        {
            return problem;
        }
        return await OperateOnDeadLetterAsync(commandId, grains, admin => admin.CancelAsync(commandId, body.Reason));
    }

    private static async Task<Results<Ok<CommandStatusResponse>, ProblemHttpResult>> OperateOnDeadLetterAsync(
        Guid commandId, IGrainFactory grains, Func<IOutboxAdminGrain, Task<bool>> operate)
    {
        var command = grains.GetGrain<ICommandGrain>(commandId);
        if (await command.GetAsync() is null)
        {
            return GxProblems.NotFound("Command");
        }
        if (!await operate(grains.GetGrain<IOutboxAdminGrain>(0)))
        {
            return GxProblems.Conflict("not_dead_lettered", "Only a dead-lettered command can be retried or cancelled; this one is queued, in flight or finished.");
        }
        return TypedResults.Ok(CommandStatusResponse.From((await command.GetAsync())!));
    }

    /// <summary>Replays the ledger into fresh read models and reports differences; <c>?replace=true</c> also swaps them in.</summary>
    private static async Task<Ok<RebuildReport>> RebuildReadModelsAsync(bool? replace, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IReadModelRebuildGrain>(0).RebuildAsync(replace ?? false));
}
