using System.Security.Claims;
using GxProtocol.ApiFrontends.Identity;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.ApiFrontends.Infrastructure.Validation;
using GxProtocol.Grains.Interfaces.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GxProtocol.ApiFrontends.Admin;

/// <summary>
/// An admin's own sign-in security: setting up the TOTP second factor, and their sessions (refresh-token families)
/// listed and ended one by one. A super admin also sees and ends another admin's sessions and resets their second
/// factor (a lost phone). Session ids are looked up in the caller's own sessions, so another admin's id is 404.
/// </summary>
public static partial class AdminApi
{
    private static void MapSignInRoutes(RouteGroupBuilder admin, RouteGroupBuilder superAdmin)
    {
        admin.MapGet("/two-factor", GetTwoFactorAsync)
            .WithSummary("Whether the caller has two-factor sign-in set up, and how many backup codes are left");
        // These answer with a secret or consume a one-time code: never replayed from an idempotency store.
        admin.MapPost("/two-factor/enrolment", BeginTwoFactorEnrolmentAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Start setting up TOTP: a new secret (otpauth URI) and 10 single-use backup codes, shown once");
        admin.MapPost("/two-factor/enrolment/confirm", ConfirmTwoFactorEnrolmentAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status423Locked)
            .WithSummary("Finish setting up TOTP with a first code; from then on the caller's logins need a code");
        superAdmin.MapDelete("/admins/{adminId:guid}/two-factor", ResetTwoFactorAsync)
            .WithSummary("Reset an admin's second factor and lift a lockout (the admin then sets it up again)");

        admin.MapGet("/sessions", ListOwnSessionsAsync)
            .WithSummary("The caller's live sessions (one per login), most recently used first");
        admin.MapDelete("/sessions/{sessionId:guid}", RevokeOwnSessionAsync)
            .WithSummary("End one of the caller's sessions: its refresh token stops working at once");
        superAdmin.MapGet("/admins/{adminId:guid}/sessions", ListAdminSessionsAsync)
            .WithSummary("Another admin's live sessions");
        superAdmin.MapDelete("/admins/{adminId:guid}/sessions/{sessionId:guid}", RevokeAdminSessionAsync)
            .WithSummary("End one of another admin's sessions");
    }

    private static async Task<Ok<TwoFactorStatusResponse>> GetTwoFactorAsync(ClaimsPrincipal caller, IGrainFactory grains) =>
        TypedResults.Ok(TwoFactorStatusResponse.From(await grains.GetGrain<IAdminSignInGrain>(caller.GetUserId()).GetStatusAsync()));

    private static async Task<Results<Ok<TwoFactorEnrolmentResponse>, ProblemHttpResult>> BeginTwoFactorEnrolmentAsync(
        ClaimsPrincipal caller, IGrainFactory grains, IOptions<AdminSignInOptions> options)
    {
        var userId = caller.GetUserId();
        if (await grains.GetGrain<IUserGrain>(userId).GetProfileAsync() is not { } profile)
        {
            return GxProblems.NotFound("User");
        }
        var enrolment = await grains.GetGrain<IAdminSignInGrain>(userId).BeginEnrolmentAsync();
        return TypedResults.Ok(TwoFactorEnrolmentResponse.From(enrolment, options.Value.TwoFactorIssuer, profile.Email));
    }

    private static async Task<Results<Ok<TwoFactorStatusResponse>, ProblemHttpResult>> ConfirmTwoFactorEnrolmentAsync(
        TwoFactorCodeRequest body, HttpContext http, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (new RequestValidator().Required("code", body.Code, 32).HasProblem(out var problem))
        {
            return problem;
        }
        var signIn = grains.GetGrain<IAdminSignInGrain>(caller.GetUserId());
        var result = await signIn.ConfirmEnrolmentAsync(body.Code);
        if (result.LockedFor is { } locked)
        {
            return IdentityApi.AccountLocked(http, locked);
        }
        if (result.NotEnrolled)
        {
            return GxProblems.Conflict("no_enrolment_pending", "Start with POST /admin/api/v1/two-factor/enrolment.");
        }
        if (!result.Accepted)
        {
            return GxProblems.Unprocessable("invalid_code", "The code is not the authenticator's current code for the new secret.", "code");
        }
        return TypedResults.Ok(TwoFactorStatusResponse.From(await signIn.GetStatusAsync()));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ResetTwoFactorAsync(Guid adminId, IGrainFactory grains)
    {
        if (!await IsAdminAccountAsync(adminId, grains))
        {
            return GxProblems.NotFound("Admin");
        }
        await grains.GetGrain<IAdminSignInGrain>(adminId).ResetAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Ok<SessionList>> ListOwnSessionsAsync(ClaimsPrincipal caller, IGrainFactory grains) =>
        TypedResults.Ok(new SessionList(await grains.GetGrain<IUserGrain>(caller.GetUserId()).ListSessionsAsync()));

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeOwnSessionAsync(Guid sessionId, ClaimsPrincipal caller, IGrainFactory grains) =>
        await grains.GetGrain<IUserGrain>(caller.GetUserId()).RevokeSessionAsync(sessionId)
            ? TypedResults.NoContent()
            : GxProblems.NotFound("Session");

    private static async Task<Results<Ok<SessionList>, ProblemHttpResult>> ListAdminSessionsAsync(Guid adminId, IGrainFactory grains) =>
        await IsAdminAccountAsync(adminId, grains)
            ? TypedResults.Ok(new SessionList(await grains.GetGrain<IUserGrain>(adminId).ListSessionsAsync()))
            : GxProblems.NotFound("Admin");

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAdminSessionAsync(Guid adminId, Guid sessionId, IGrainFactory grains) =>
        await IsAdminAccountAsync(adminId, grains) && await grains.GetGrain<IUserGrain>(adminId).RevokeSessionAsync(sessionId)
            ? TypedResults.NoContent()
            : GxProblems.NotFound("Session");

    /// <summary>These routes are about admin accounts: a user id that is not one is not found.</summary>
    private static async Task<bool> IsAdminAccountAsync(Guid userId, IGrainFactory grains) =>
        await grains.GetGrain<IUserGrain>(userId).GetProfileAsync() is { Role: UserRole.Admin or UserRole.SuperAdmin };
}

public sealed record SessionList(IReadOnlyList<SessionView> Items);
