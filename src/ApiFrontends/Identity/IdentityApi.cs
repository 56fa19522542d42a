using System.Security.Claims;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.Commands;
using GxProtocol.ApiFrontends.Infrastructure.Idempotency;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.ApiFrontends.Infrastructure.Validation;
using GxProtocol.ApiFrontends.Services;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GxProtocol.ApiFrontends.Identity;

/// <summary>identity (3001): registration, sessions, profiles, KYC, relationships and trust scores, command status.</summary>
public static partial class IdentityApi
{
    public static IEndpointRouteBuilder MapIdentityApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(GxServiceNames.Prefix(GxServiceNames.Identity)).WithTags(GxServiceNames.Identity);

        api.MapPost("/users", RegisterAsync).AllowAnonymous().WithIdempotency().WithSummary("Register a user");
        // Session routes answer with fresh secrets, which an idempotency store must never replay to someone else.
        api.MapPost("/auth/login", LoginAsync).AllowAnonymous()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status423Locked)
            .WithSummary("Sign in with e-mail and password: an access and a refresh token, or a two-factor challenge");
        api.MapPost("/auth/refresh", RefreshAsync).AllowAnonymous()
            .WithSummary("Exchange a refresh token for a new access and refresh token (the old one is spent)");
        api.MapPost("/auth/logout", LogoutAsync).AllowAnonymous()
            .WithSummary("End the session of a refresh token");
        api.MapPost("/auth/logout-all", LogoutEverywhereAsync).RequireAuthorization()
            .WithSummary("End every session of the caller");
        MapTwoFactorRoutes(api);

        var users = api.MapGroup("/users/{id:guid}").RequireAuthorization();
        users.MapGet("", GetUserAsync).WithSummary("A user's profile (self or admin)");
        users.MapPatch("", UpdateUserAsync).WithIdempotency().WithSummary("Change a user's profile fields (self)");
        users.MapPost("/kyc", SubmitKycAsync).WithIdempotency()
            .WithSummary("Submit a user's KYC details for an admin's review (self)");
        users.MapGet("/kyc", GetKycAsync)
            .WithSummary("A user's KYC submission and its review status (self or admin)");
        users.MapGet("/trust-score", GetTrustScoreAsync)
            .WithSummary("A user's trust score with its parts (self or admin)");
        MapDocumentRoutes(api, users);

        var relationships = api.MapGroup("/relationships").RequireAuthorization();
        relationships.MapPost("", CreateRelationshipAsync).AsLedgerCommand()
            .WithSummary("Propose a relationship to another user; it counts once they confirm (ledger command)");
        relationships.MapPost("/{relationshipId:guid}/confirm", ConfirmRelationshipAsync).AsLedgerCommand()
            .WithSummary("Confirm a relationship another user proposed to the caller (ledger command)");
        MapRelationshipRoutes(relationships);
        MapCompatibilityRoutes(api);
        MapNotificationRoutes(api);
        MapVerificationRoutes(api);

        api.MapGet("/commands/{commandId:guid}", GetCommandAsync).RequireAuthorization()
            .WithSummary("A ledger command's status: PENDING, SUBMITTED, COMMITTED or FAILED (its issuer or admin)");
        return routes;
    }

    private static async Task<Results<Created<UserResponse>, ProblemHttpResult>> RegisterAsync(RegisterUserRequest body, IGrainFactory grains)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        if (new RequestValidator()
                .Email("email", body.Email)
                .Required("password", body.Password, 128)
                .Must(body.Password is { Length: >= 8 }, "password", "must be at least 8 characters.")
                .Required("firstName", body.FirstName, 100)
                .Required("lastName", body.LastName, 100)
                .Optional("phoneNum", body.PhoneNum, 32)
                .Optional("identityNum", body.IdentityNum, 64)
                .CountryCode("nationalityCountryCode", body.NationalityCountryCode)
                .Must(body.DateOfBirth < today && body.DateOfBirth > today.AddYears(-150), "dateOfBirth", "must be a past date within 150 years.")
                .HasProblem(out var problem))
        {
            return problem;
        }
        var userId = Guid.NewGuid();
        if (await grains.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.KeyFor(body.Email)).ClaimAsync(userId) != userId)
        {
            return GxProblems.Conflict("email_taken", "A user with this e-mail address already exists.");
        }
        var profile = await grains.GetGrain<IUserGrain>(userId).RegisterAsync(new RegisterUser(
            body.Email.Trim(), PasswordHasher.Hash(body.Password), body.FirstName.Trim(), body.LastName.Trim(), body.PhoneNum,
            body.IdentityNum, body.NationalityCountryCode.ToUpperInvariant(), body.DateOfBirth));
        // The first code goes with the registration; a failed delivery leaves the resend route to the user.
        await grains.GetGrain<GxProtocol.Grains.Interfaces.Verification.IAccountVerificationGrain>(userId).SendEmailCodeAsync();
        return TypedResults.Created($"/identity/api/v1/users/{userId}", UserResponse.From(profile));
    }

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest body, HttpContext http, IGrainFactory grains, SessionTokens sessions)
    {
        if (new RequestValidator().Required("email", body.Email, 254).Required("password", body.Password, 128).HasProblem(out var problem))
        {
            return problem;
        }
        // Per address, known or not, on top of the per-IP limit: guessing one account's password from many addresses backs off.
        var throttle = grains.GetGrain<ILoginThrottleGrain>(IUserDirectoryGrain.KeyFor(body.Email));
        if (await throttle.RetryAfterAsync() is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return GxProblems.Create(StatusCodes.Status429TooManyRequests, "too_many_failed_logins", "Too many failed logins.",
                $"Too many failed logins for this address; retry after {seconds} s.");
        }
        var userId = await grains.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.KeyFor(body.Email)).LookupAsync();
        var user = userId is { } id ? grains.GetGrain<IUserGrain>(id) : null;
        var credentials = user is null ? null : await user.GetCredentialsAsync();
        if (await AdminLockedAsync(credentials, grains, http) is { } locked)
        {
            return locked;
        }
        // One answer, and the same work, for an unknown address and a wrong password: logins cannot probe which addresses exist.
        var verified = credentials is null ? PasswordHasher.VerifyAgainstDecoy(body.Password) : PasswordHasher.Verify(body.Password, credentials.PasswordHash);
        if (!verified || await user!.GetProfileAsync() is not { } profile)
        {
            await throttle.RecordFailureAsync();
            await RecordAdminPasswordFailureAsync(credentials, grains);
            return GxProblems.Create(StatusCodes.Status401Unauthorized, "invalid_credentials", "Login failed.", "The e-mail or password is wrong.");
        }
        await throttle.RecordSuccessAsync();
        // Verified, so the user and their credentials exist.
        if (PasswordHasher.NeedsRehash(credentials!.PasswordHash))
        {
            await user!.UpgradePasswordHashAsync(credentials.PasswordHash, PasswordHasher.Hash(body.Password));
        }
        if (await SecondFactorOwedAsync(profile, grains, http) is { } secondStep)
        {
            return secondStep;
        }
        return TypedResults.Ok(await sessions.IssueAsync(profile));
    }

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> RefreshAsync(RefreshRequest body, SessionTokens sessions)
    {
        if (new RequestValidator().Required("refreshToken", body.RefreshToken, 200).HasProblem(out var problem))
        {
            return problem;
        }
        return await sessions.RotateAsync(body.RefreshToken) is { } rotated
            ? TypedResults.Ok(rotated)
            : GxProblems.Create(StatusCodes.Status401Unauthorized, "invalid_refresh_token", "Refresh failed.", "The refresh token is unknown, expired or revoked.");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> LogoutAsync(RefreshRequest body, SessionTokens sessions)
    {
        if (new RequestValidator().Required("refreshToken", body.RefreshToken, 200).HasProblem(out var problem))
        {
            return problem;
        }
        await sessions.RevokeAsync(body.RefreshToken);
        return TypedResults.NoContent();
    }

    /// <summary>Ends every session of the caller: no refresh token of theirs works afterwards (access tokens lapse within minutes).</summary>
    private static async Task<NoContent> LogoutEverywhereAsync(ClaimsPrincipal caller, SessionTokens sessions)
    {
        await sessions.RevokeAllAsync(caller.GetUserId());
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetUserAsync(Guid id, ClaimsPrincipal caller, IGrainFactory grains) =>
        caller.IsSelfOrAdmin(id) && await grains.GetGrain<IUserGrain>(id).GetProfileAsync() is { } profile
            ? TypedResults.Ok(UserResponse.From(profile))
            : GxProblems.NotFound("User");

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> UpdateUserAsync(Guid id, UpdateProfileRequest body, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (!caller.IsSelfOrAdmin(id))
        {
            return GxProblems.NotFound("User");
        }
        if (new RequestValidator()
                .Optional("firstName", body.FirstName, 100).Optional("lastName", body.LastName, 100).Optional("phoneNum", body.PhoneNum, 32)
                .HasProblem(out var problem))
        {
            return problem;
        }
        var profile = await grains.GetGrain<IUserGrain>(id).UpdateProfileAsync(new ProfileChanges(body.FirstName, body.LastName, body.PhoneNum));
        return TypedResults.Ok(UserResponse.From(profile));
    }

    private static async Task<Results<Ok<KycView>, ProblemHttpResult>> SubmitKycAsync(
        Guid id, SubmitKycRequest body, ClaimsPrincipal caller, IGrainFactory grains, HttpContext http)
    {
        if (!caller.IsSelfOrAdmin(id))
        {
            return GxProblems.NotFound("User");
        }
        if (body.DocumentId is { } documentId)
        {
            return body is { EvidenceHash: null, EvidenceSize: null, EvidenceMime: null }
                ? await SubmitKycFromDocumentAsync(id, documentId, grains, http.RequestServices)
                : GxProblems.Validation("documentId", "send either documentId or evidenceHash, evidenceSize and evidenceMime, not both.");
        }
        if (new RequestValidator()
                .Sha256Hex("evidenceHash", body.EvidenceHash)
                .Must(body.EvidenceSize is not null, "evidenceSize", "is required (or send documentId instead).")
                .InRange("evidenceSize", body.EvidenceSize, 1, 50 * 1024 * 1024)
                .Required("evidenceMime", body.EvidenceMime, 100)
                .HasProblem(out var problem))
        {
            return problem;
        }
        return TypedResults.Ok(await grains.GetGrain<IUserGrain>(id).SubmitKycAsync(new KycSubmission(body.EvidenceHash!.ToLowerInvariant(), body.EvidenceSize!.Value, body.EvidenceMime!)));
    }

    private static async Task<Results<Ok<KycView>, ProblemHttpResult>> GetKycAsync(Guid id, ClaimsPrincipal caller, IGrainFactory grains) =>
        caller.IsSelfOrAdmin(id)
            ? TypedResults.Ok(await grains.GetGrain<IUserGrain>(id).GetKycAsync())
            : GxProblems.NotFound("User");

    private static async Task<Results<Ok<TrustScoreResponse>, ProblemHttpResult>> GetTrustScoreAsync(Guid id, ClaimsPrincipal caller, IGrainFactory grains) =>
        caller.IsSelfOrAdmin(id)
            ? TypedResults.Ok(TrustScoreResponse.From(await grains.GetGrain<IUserGrain>(id).GetTrustScoreAsync()))
            : GxProblems.NotFound("User");

    private static async Task<Results<Created<RelationshipResponse>, ProblemHttpResult>> CreateRelationshipAsync(
        CreateRelationshipRequest body, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var from = caller.GetUserId();
        if (new RequestValidator()
                .NotEmpty("toUserId", body.ToUserId)
                .Must(body.ToUserId != from, "toUserId", "must be another user: a relationship links two different users.")
                .Required("type", body.Type, 20)
                .Must(string.IsNullOrWhiteSpace(body.Type) || RelationshipTypes.Normalize(body.Type) is not null, "type",
                    $"must be one of {string.Join(", ", RelationshipTypes.All)} (or the older family, business, friend).")
                .HasProblem(out var problem))
        {
            return problem;
        }
        var link = await grains.GetGrain<IRelationshipGrain>(IRelationshipGrain.IdFor(from, body.ToUserId)).RequestAsync(from, body.ToUserId, body.Type);
        // No Location: a link is read through the trust score of its users, not on its own.
        return TypedResults.Created((string?)null, RelationshipResponse.From(link));
    }

    private static async Task<Ok<RelationshipResponse>> ConfirmRelationshipAsync(Guid relationshipId, ClaimsPrincipal caller, IGrainFactory grains) =>
        TypedResults.Ok(RelationshipResponse.From(await grains.GetGrain<IRelationshipGrain>(relationshipId).ConfirmAsync(caller.GetUserId())));

    private static async Task<Results<Ok<CommandStatusResponse>, ProblemHttpResult>> GetCommandAsync(Guid commandId, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var status = await grains.GetGrain<ICommandGrain>(commandId).GetAsync();
        return status is not null && (caller.IsAdmin() || (status.OwnerUserId is { } owner && caller.IsSelfOrAdmin(owner)))
            ? TypedResults.Ok(CommandStatusResponse.From(status))
            : GxProblems.NotFound("Command");
    }
}
