using System.Security.Claims;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.Commands;
using GxProtocol.ApiFrontends.Infrastructure.Idempotency;
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
        admin.MapPost("/parameters", UpdateParameterAsync).WithIdempotency().RequireRateLimiting("writes");
        admin.MapGet("/parameters/{paramId}", GetParameterAsync);
        superAdmin.MapPost("/system/pause", PauseAsync).WithIdempotency().RequireRateLimiting("writes");
        superAdmin.MapPost("/system/resume", ResumeAsync).WithIdempotency().RequireRateLimiting("writes");
        superAdmin.MapPost("/admins", AppointAdminAsync).WithIdempotency().RequireRateLimiting("writes");
        superAdmin.MapPost("/treasury/activate", ActivateTreasuryAsync).WithIdempotency().RequireRateLimiting("writes");
    }

    private static ISystemGrain System(IGrainFactory grains) => grains.GetGrain<ISystemGrain>(ISystemGrain.Key);

    /// <summary>The grain checks the parameter's name and range (GxParameters) and names the failing field.</summary>
    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> UpdateParameterAsync(
        UpdateParameterRequest body, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (new RequestValidator().Required("paramId", body.ParamId, 64).HasProblem(out var problem))
        {
            return problem;
        }
        var accepted = await System(grains).UpdateParameterAsync(caller.GetUserId(), CommandIds.For(context), body.ParamId, body.NewValue);
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static async Task<Results<Ok<SystemParameterView>, ProblemHttpResult>> GetParameterAsync(string paramId, IGrainFactory grains) =>
        await System(grains).GetParameterAsync(paramId) is { } parameter
            ? TypedResults.Ok(parameter)
            : GxProblems.NotFound($"System parameter '{paramId}'");

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> PauseAsync(
        PauseSystemRequest body, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (new RequestValidator().Required("reason", body.Reason, 500).HasProblem(out var problem))
        {
            return problem;
        }
        var accepted = await System(grains).PauseAsync(caller.GetUserId(), CommandIds.For(context), body.Reason.Trim());
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> ResumeAsync(
        HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var accepted = await System(grains).ResumeAsync(caller.GetUserId(), CommandIds.For(context));
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    /// <summary>Once the ledger records the appointment the user's role becomes admin; their next login token carries it.</summary>
    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> AppointAdminAsync(
        AppointAdminRequest body, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (new RequestValidator().NotEmpty("newAdminId", body.NewAdminId).HasProblem(out var problem))
        {
            return problem;
        }
        var accepted = await System(grains).AppointAdminAsync(caller.GetUserId(), CommandIds.For(context), body.NewAdminId);
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }

    private static async Task<Results<Ok<CommandStatusResponse>, Accepted<AcceptedCommand>, ProblemHttpResult>> ActivateTreasuryAsync(
        ActivateTreasuryRequest body, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (new RequestValidator().Required("countryCode", body.CountryCode, 2).CountryCode("countryCode", body.CountryCode).HasProblem(out var problem))
        {
            return problem;
        }
        var accepted = await System(grains).ActivateTreasuryAsync(caller.GetUserId(), CommandIds.For(context), body.CountryCode);
        return await CommandResults.AcceptedOrFinishedAsync(grains, context.Request, accepted);
    }
}
