using System.Globalization;
using System.Security.Claims;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.OpenApi;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.ApiFrontends.Infrastructure.Validation;
using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.Interfaces.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace GxProtocol.ApiFrontends.Identity;

/// <summary>
/// Verified sign-up and account recovery by one-time codes: the e-mail address (before KYC), the phone number, and a
/// password reset by e-mail. Code routes take no idempotency key: every try counts against the code, and a stored
/// answer would hide that.
/// </summary>
public static partial class IdentityApi
{
    private const string ResetAccepted = "If the address belongs to an account, a code to choose a new password was sent to it.";

    private static void MapVerificationRoutes(RouteGroupBuilder api)
    {
        var user = api.MapGroup("/users/{id:guid}").RequireAuthorization();
        user.MapGet("/verification", GetVerificationAsync).WithSummary("Whether the user's e-mail address and phone number are verified");
        user.MapPost("/email-verification", SendEmailCodeAsync)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AddOpenApiOperationTransformer(DocumentRetryAfter)
            .WithSummary("Mails a new verification code to the user's address (rate-limited per address: 429 with Retry-After)");
        user.MapPost("/email-verification/confirm", ConfirmEmailAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Confirms the e-mail address with the mailed code (single use, expires, 5 tries); KYC waits for it");
        user.MapPost("/phone-verification", SendPhoneCodeAsync)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AddOpenApiOperationTransformer(DocumentRetryAfter)
            .WithSummary("Sends a verification code to the phone number on the profile (rate-limited: 429 with Retry-After)");
        user.MapPost("/phone-verification/confirm", ConfirmPhoneAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Confirms the phone number with the sent code (single use, expires, 5 tries)");

        api.MapPost("/password-reset", RequestPasswordResetAsync).AllowAnonymous().WithMetadata(NoLedgerCommandMetadata.Instance)
            .WithSummary("Mails a password-reset code; answers 202 alike whether or not the address belongs to an account");
        api.MapPost("/password-reset/confirm", ConfirmPasswordResetAsync).AllowAnonymous()
            .WithSummary("Sets a new password with the mailed code and ends every session of the account");
    }

    private static async Task<Results<Ok<VerificationStatusResponse>, ProblemHttpResult>> GetVerificationAsync(Guid id, ClaimsPrincipal caller, IGrainFactory grains) =>
        caller.IsSelfOrAdmin(id) && await grains.GetGrain<IUserGrain>(id).GetProfileAsync() is not null
            ? TypedResults.Ok(VerificationStatusResponse.From(await grains.GetGrain<IAccountVerificationGrain>(id).GetStatusAsync()))
            : GxProblems.NotFound("User");

    private static async Task<Results<Ok<CodeSentResponse>, ProblemHttpResult>> SendEmailCodeAsync(
        Guid id, ClaimsPrincipal caller, HttpContext http, IGrainFactory grains) =>
        IsCaller(caller, id)
            ? CodeSent("email", await grains.GetGrain<IAccountVerificationGrain>(id).SendEmailCodeAsync(), http, "email_already_verified", "no_email")
            : GxProblems.NotFound("User");

    private static async Task<Results<Ok<CodeSentResponse>, ProblemHttpResult>> SendPhoneCodeAsync(
        Guid id, ClaimsPrincipal caller, HttpContext http, IGrainFactory grains) =>
        IsCaller(caller, id)
            ? CodeSent("phone", await grains.GetGrain<IAccountVerificationGrain>(id).SendPhoneCodeAsync(), http, "phone_already_verified", "no_phone_number")
            : GxProblems.NotFound("User");

    private static Task<Results<Ok<VerificationStatusResponse>, ProblemHttpResult>> ConfirmEmailAsync(
        Guid id, ConfirmCodeRequest body, ClaimsPrincipal caller, IGrainFactory grains) =>
        ConfirmCodeAsync(id, body, caller, grains, (verification, code) => verification.ConfirmEmailAsync(code));

    private static Task<Results<Ok<VerificationStatusResponse>, ProblemHttpResult>> ConfirmPhoneAsync(
        Guid id, ConfirmCodeRequest body, ClaimsPrincipal caller, IGrainFactory grains) =>
        ConfirmCodeAsync(id, body, caller, grains, (verification, code) => verification.ConfirmPhoneAsync(code));

    private static async Task<Results<Ok<VerificationStatusResponse>, ProblemHttpResult>> ConfirmCodeAsync(
        Guid id, ConfirmCodeRequest body, ClaimsPrincipal caller, IGrainFactory grains,
        Func<IAccountVerificationGrain, string, Task<CodeCheck>> confirm)
    {
        if (!IsCaller(caller, id))
        {
            return GxProblems.NotFound("User");
        }
        if (ValidateCode(body.Code) is { } invalid)
        {
            return invalid;
        }
        var verification = grains.GetGrain<IAccountVerificationGrain>(id);
        return CodeRefused(await confirm(verification, body.Code)) ?? (Results<Ok<VerificationStatusResponse>, ProblemHttpResult>)
            TypedResults.Ok(VerificationStatusResponse.From(await verification.GetStatusAsync()));
    }

    private static async Task<Results<Accepted<PasswordResetAcceptedResponse>, ProblemHttpResult>> RequestPasswordResetAsync(
        PasswordResetRequest body, IGrainFactory grains)
    {
        if (new RequestValidator().Email("email", body.Email).HasProblem(out var problem))
        {
            return problem;
        }
        // One-way: the answer leaves before any mail does, so neither its content nor its timing tells whether the address exists.
        if (await grains.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.KeyFor(body.Email)).LookupAsync() is { } userId)
        {
            await grains.GetGrain<IAccountVerificationGrain>(userId).SendPasswordResetCodeAsync();
        }
        return TypedResults.Accepted((string?)null, new PasswordResetAcceptedResponse(ResetAccepted));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ConfirmPasswordResetAsync(PasswordResetConfirmRequest body, IGrainFactory grains)
    {
        if (new RequestValidator()
                .Email("email", body.Email)
                .Required("newPassword", body.NewPassword, 128)
                .Must(body.NewPassword is { Length: >= 8 }, "newPassword", "must be at least 8 characters.")
                .HasProblem(out var problem))
        {
            return problem;
        }
        if (ValidateCode(body.Code) is { } invalid)
        {
            return invalid;
        }
        var userId = await grains.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.KeyFor(body.Email)).LookupAsync();
        // Hashing first, whether or not the address is known, keeps both answers equally slow.
        var hash = PasswordHasher.Hash(body.NewPassword);
        var check = userId is { } id
            ? await grains.GetGrain<IAccountVerificationGrain>(id).ResetPasswordAsync(body.Code.Trim(), hash)
            : new CodeCheck(CodeCheckOutcome.NotPending);
        // One answer for every refusal, and for an unknown address: a reset must not tell which addresses have accounts.
        return check.Outcome == CodeCheckOutcome.Confirmed
            ? TypedResults.NoContent()
            : GxProblems.Create(StatusCodes.Status400BadRequest, "invalid_code", "The request is invalid.",
                "code: the code is wrong, expired, used or locked after too many tries; request a new one.",
                new Dictionary<string, string[]> { ["code"] = ["is wrong, expired, used or locked after too many tries."] });
    }

    private static Task DocumentRetryAfter(OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var status in new[] { "429", "503" })
        {
            if (operation.Responses?.TryGetValue(status, out var response) is true && response is OpenApiResponse concrete)
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before asking for another code.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                };
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Codes are the user's own business: not even an admin sends or confirms them for someone.</summary>
    private static bool IsCaller(ClaimsPrincipal caller, Guid id) => caller.TryGetUserId(out var me) && me == id;

    private static ProblemHttpResult? ValidateCode(string? code) =>
        code?.Trim() is { Length: 6 } digits && digits.All(char.IsAsciiDigit)
            ? null
            : GxProblems.Validation("code", "must be the six digits of the code that was sent.");

    private static Results<Ok<CodeSentResponse>, ProblemHttpResult> CodeSent(
        string channel, CodeDelivery delivery, HttpContext http, string alreadyVerified, string noAddress)
    {
        switch (delivery.Outcome)
        {
            case CodeDeliveryOutcome.Sent:
                return TypedResults.Ok(new CodeSentResponse(channel, delivery.ExpiresAt));
            case CodeDeliveryOutcome.RateLimited:
                var seconds = Math.Max(1, (int)Math.Ceiling(delivery.RetryAfter!.Value.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return GxProblems.Create(StatusCodes.Status429TooManyRequests, "too_many_codes", "Too many codes.",
                    $"A code was sent to this {channel} address recently; retry after {seconds} s.");
            case CodeDeliveryOutcome.AlreadyVerified:
                return GxProblems.Conflict(alreadyVerified, $"The {channel} address is verified already.");
            case CodeDeliveryOutcome.NoAddress:
                return GxProblems.Conflict(noAddress, $"There is no {channel} address to verify on this profile.");
            default:
                http.Response.Headers.RetryAfter = "30";
                return GxProblems.Create(StatusCodes.Status503ServiceUnavailable, "delivery_unavailable", "The code could not be sent.",
                    $"The {channel} service did not take the message; retry after 30 s.");
        }
    }

    private static ProblemHttpResult? CodeRefused(CodeCheck check) => check.Outcome switch
    {
        CodeCheckOutcome.Confirmed => null,
        CodeCheckOutcome.Wrong => GxProblems.Create(StatusCodes.Status400BadRequest, "invalid_code", "The request is invalid.",
            $"code: the code is wrong; {check.AttemptsLeft} tries left.",
            new Dictionary<string, string[]> { ["code"] = [$"is wrong; {check.AttemptsLeft} tries left."] }),
        CodeCheckOutcome.Expired => GxProblems.Create(StatusCodes.Status400BadRequest, "code_expired", "The request is invalid.",
            "code: the code has expired; request a new one.", new Dictionary<string, string[]> { ["code"] = ["has expired; request a new one."] }),
        CodeCheckOutcome.Locked => GxProblems.Conflict("code_locked", "Too many wrong tries: this code no longer works; request a new one."),
        _ => GxProblems.Conflict("code_not_pending", "No code is waiting (none was sent, or it was used); request a new one."),
    };
}
