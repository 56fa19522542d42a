using System.Globalization;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.ApiFrontends.Infrastructure.Validation;
using GxProtocol.Grains.Interfaces.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GxProtocol.ApiFrontends.Identity;

/// <summary>
/// An admin's sign-in in two steps: the password answers 401 <c>two_factor_required</c> with a short-lived challenge
/// token, and <c>POST /auth/two-factor</c> with that token and a TOTP or backup code gives the session. Admin accounts
/// lock for 30 minutes after five failures in a row, passwords and codes counted together.
/// </summary>
public static partial class IdentityApi
{
    public const string ChallengeTokenKey = "challengeToken";
    public const string ChallengeExpiresAtKey = "challengeExpiresAt";
    private const int MaxChallengeLength = 2000;
    private const int MaxCodeLength = 32;

    private static void MapTwoFactorRoutes(RouteGroupBuilder api)
    {
        // Session routes: no idempotency (they answer with secrets), like /auth/login.
        api.MapPost("/auth/two-factor", CompleteTwoFactorLoginAsync).AllowAnonymous()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status423Locked)
            .WithSummary("An admin's second login step: the challenge token and a TOTP or backup code give the session");
        api.MapPost("/auth/two-factor/enrolment", EnrolAtLoginAsync).AllowAnonymous()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status423Locked)
            .WithSummary("An admin who must enrol before their first session: a TOTP secret (otpauth URI) and 10 backup codes");
    }

    private static bool IsAdmin(UserRole role) => role is UserRole.Admin or UserRole.SuperAdmin;

    /// <summary>A locked admin account is refused before its password is even checked.</summary>
    private static async Task<ProblemHttpResult?> AdminLockedAsync(UserCredentials? credentials, IGrainFactory grains, HttpContext http) =>
        credentials is not null && IsAdmin(credentials.Role)
        && await grains.GetGrain<IAdminSignInGrain>(credentials.UserId).LockedForAsync() is { } locked
            ? AccountLocked(http, locked)
            : null;

    private static async Task RecordAdminPasswordFailureAsync(UserCredentials? credentials, IGrainFactory grains)
    {
        if (credentials is not null && IsAdmin(credentials.Role))
        {
            await grains.GetGrain<IAdminSignInGrain>(credentials.UserId).RecordFailedPasswordAsync();
        }
    }

    /// <summary>
    /// After a right password: null when the session may be issued now; else the 401 that hands an admin the
    /// challenge for the second step (or, when enrolment is required and not done yet, for enrolling).
    /// </summary>
    private static async Task<ProblemHttpResult?> SecondFactorOwedAsync(UserProfile profile, IGrainFactory grains, HttpContext http)
    {
        if (!IsAdmin(profile.Role))
        {
            return null;
        }
        var signIn = grains.GetGrain<IAdminSignInGrain>(profile.UserId);
        var status = await signIn.GetStatusAsync();
        var required = http.RequestServices.GetRequiredService<IOptions<AdminSignInOptions>>().Value.RequireAdminTwoFactor;
        if (!status.Enrolled && !required)
        {
            await signIn.RecordSignInAsync();
            return null;
        }
        var (token, expiresAt) = http.RequestServices.GetRequiredService<TwoFactorChallenges>().Issue(profile.UserId);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Title = "A second factor is required.",
            Detail = status.Enrolled
                ? "Send the challengeToken with a code from your authenticator app (or a backup code) to POST /identity/api/v1/auth/two-factor."
                : "Admins must set up two-factor sign-in: POST the challengeToken to /identity/api/v1/auth/two-factor/enrolment, add the secret to an authenticator app, then POST the challengeToken with its first code to /identity/api/v1/auth/two-factor.",
        };
        problem.Extensions[GxProblems.CodeKey] = status.Enrolled ? "two_factor_required" : "two_factor_enrolment_required";
        problem.Extensions[ChallengeTokenKey] = token;
        problem.Extensions[ChallengeExpiresAtKey] = expiresAt;
        return TypedResults.Problem(problem);
    }

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> CompleteTwoFactorLoginAsync(
        TwoFactorLoginRequest body, HttpContext http, IGrainFactory grains, [FromServices] TwoFactorChallenges challenges, SessionTokens sessions)
    {
        if (new RequestValidator().Required("challengeToken", body.ChallengeToken, MaxChallengeLength).Required("code", body.Code, MaxCodeLength)
                .HasProblem(out var problem))
        {
            return problem;
        }
        if (await ChallengedAdminAsync(body.ChallengeToken, grains, challenges) is not { } profile)
        {
            return InvalidChallenge();
        }
        var signIn = grains.GetGrain<IAdminSignInGrain>(profile.UserId);
        var status = await signIn.GetStatusAsync();
        // The first code of a pending enrolment confirms it; after that codes sign in.
        var result = !status.Enrolled && status.EnrolmentPending
            ? await signIn.ConfirmEnrolmentAsync(body.Code)
            : await signIn.VerifyAsync(body.Code);
        if (result.LockedFor is { } locked)
        {
            return AccountLocked(http, locked);
        }
        if (result.NotEnrolled)
        {
            return GxProblems.Conflict("not_enrolled", "Two-factor sign-in is not set up: POST the challengeToken to /identity/api/v1/auth/two-factor/enrolment first.");
        }
        if (!result.Accepted)
        {
            return GxProblems.Create(StatusCodes.Status401Unauthorized, "invalid_code", "Login failed.",
                "The code is wrong, expired or already used.", new Dictionary<string, string[]> { ["code"] = ["is wrong, expired or already used."] });
        }
        return TypedResults.Ok(await sessions.IssueAsync(profile));
    }

    private static async Task<Results<Ok<TwoFactorEnrolmentResponse>, ProblemHttpResult>> EnrolAtLoginAsync(
        TwoFactorChallengeRequest body, HttpContext http, IGrainFactory grains, [FromServices] TwoFactorChallenges challenges, IOptions<AdminSignInOptions> options)
    {
        if (new RequestValidator().Required("challengeToken", body.ChallengeToken, MaxChallengeLength).HasProblem(out var problem))
        {
            return problem;
        }
        if (await ChallengedAdminAsync(body.ChallengeToken, grains, challenges) is not { } profile)
        {
            return InvalidChallenge();
        }
        var signIn = grains.GetGrain<IAdminSignInGrain>(profile.UserId);
        if (await signIn.LockedForAsync() is { } locked)
        {
            return AccountLocked(http, locked);
        }
        return TypedResults.Ok(TwoFactorEnrolmentResponse.From(await signIn.BeginEnrolmentAsync(), options.Value.TwoFactorIssuer, profile.Email));
    }

    private static async Task<UserProfile?> ChallengedAdminAsync(string token, IGrainFactory grains, TwoFactorChallenges challenges) =>
        await challenges.ValidateAsync(token) is { } userId && await grains.GetGrain<IUserGrain>(userId).GetProfileAsync() is { } profile && IsAdmin(profile.Role)
            ? profile
            : null;

    private static ProblemHttpResult InvalidChallenge() =>
        GxProblems.Create(StatusCodes.Status401Unauthorized, "invalid_challenge", "Login failed.",
            "The challenge token is unknown or expired; log in with the password again.");

    /// <summary>423 with Retry-After: the admin account is locked after repeated failures.</summary>
    internal static ProblemHttpResult AccountLocked(HttpContext http, TimeSpan remaining)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(remaining.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return GxProblems.Create(StatusCodes.Status423Locked, "account_locked", "The account is locked.",
            $"Too many failed sign-in attempts on this admin account; retry after {seconds} s, or ask a super admin to reset it.");
    }
}
