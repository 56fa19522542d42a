using System.Security.Claims;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.Commands;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.ApiFrontends.Infrastructure.Validation;
using GxProtocol.Grains.Interfaces.System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GxProtocol.ApiFrontends.Admin;

/// <summary>The system-wide commands: parameters, pause and resume, admin appointments, treasury activation.</summary>
public static partial class AdminApi
{
    private static void MapSystemRoutes(RouteGroupBuilder admin, RouteGroupBuilder superAdmin)
    {
        admin.MapPost("/parameters", UpdateParameterAsync).AsLedgerCommand()
            .WithSummary("Change a system parameter on the ledger (ledger command)");
        admin.MapGet("/parameters/{paramId}", GetParameterAsync).WithSummary("A system parameter's current value");
        superAdmin.MapPost("/system/pause", PauseAsync).AsLedgerCommand()
            .WithSummary("Pause the system: the ledger refuses transfers until it is resumed (ledger command)");
        superAdmin.MapPost("/system/resume", ResumeAsync).AsLedgerCommand()
            .WithSummary("Resume a paused system (ledger command)");
        superAdmin.MapPost("/admins", AppointAdminAsync).AsLedgerCommand()
            .WithSummary("Appoint a user as admin (ledger command)");
        superAdmin.MapPost("/treasury/activate", ActivateTreasuryAsync).AsLedgerCommand()
            .WithSummary("Activate a country's treasury (ledger command)");
    }

    private static ISystemGrain System(IGrainFactory grains) => grains.GetGrain<ISystemGrain>(ISystemGrain.Key);

    /// <summary>The grain checks the parameter's name and range (GxParameters) and names the failing field.</summary>
    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> UpdateParameterAsync(
        UpdateParameterRequest body, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (new RequestValidator().Required("paramId", body.ParamId, 64).HasProblem(out var problem))
        {
            return problem;
        }
        var accepted = await System(grains).UpdateParameterAsync(caller.GetUserId(), commandId.Value, body.ParamId, body.NewValue);
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static async Task<Results<Ok<SystemParameterView>, ProblemHttpResult>> GetParameterAsync(string paramId, IGrainFactory grains) =>
        await System(grains).GetParameterAsync(paramId) is { } parameter
            ? TypedResults.Ok(parameter)
            : GxProblems.NotFound($"System parameter '{paramId}'");

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> PauseAsync(
        PauseSystemRequest body, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (new RequestValidator().Required("reason", body.Reason, 500).HasProblem(out var problem))
        {
            return problem;
        }
        var accepted = await System(grains).PauseAsync(caller.GetUserId(), commandId.Value, body.Reason.Trim());
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> ResumeAsync(
        LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var accepted = await System(grains).ResumeAsync(caller.GetUserId(), commandId.Value);
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    /// <summary>Once the ledger records the appointment the user's role becomes admin; their next login token carries it.</summary>
    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> AppointAdminAsync(
        AppointAdminRequest body, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (new RequestValidator().NotEmpty("newAdminId", body.NewAdminId).HasProblem(out var problem))
        {
            return problem;
        }
        var accepted = await System(grains).AppointAdminAsync(caller.GetUserId(), commandId.Value, body.NewAdminId);
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> ActivateTreasuryAsync(
        ActivateTreasuryRequest body, LedgerCommandId commandId, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (new RequestValidator().Required("countryCode", body.CountryCode, 2).CountryCode("countryCode", body.CountryCode).HasProblem(out var problem))
        {
            return problem;
        }
        var accepted = await System(grains).ActivateTreasuryAsync(caller.GetUserId(), commandId.Value, body.CountryCode);
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }
}
