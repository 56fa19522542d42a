using GxProtocol.Grains.Interfaces.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GxProtocol.ApiFrontends.Infrastructure.Problems;

/// <summary>
/// Problem results for the answers every route gives. All return <see cref="ProblemHttpResult"/> so handlers can
/// declare <c>Results&lt;Ok&lt;T&gt;, ProblemHttpResult&gt;</c> whatever the failure.
/// </summary>
public static class GxProblems
{
    public const string CodeKey = "code";
    public const string ErrorsKey = "errors";

    public static ProblemHttpResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult Validation(IReadOnlyDictionary<string, string[]> errors) =>
        Create(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed, "The request is invalid.",
            Describe(errors), errors);

    public static ProblemHttpResult InvalidBody(IReadOnlyDictionary<string, string[]> errors) =>
        Create(StatusCodes.Status400BadRequest, ProblemCodes.InvalidBody, "The request body is invalid.",
            Describe(errors), errors);

    public static ProblemHttpResult Unauthorized(string? detail = null) =>
        Create(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, "Authentication is required.",
            detail ?? "Send a valid access token as 'Authorization: Bearer <token>'.");

    public static ProblemHttpResult Forbidden(string? detail = null) =>
        Create(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "Forbidden.",
            detail ?? "You are not allowed to perform this action.");

    public static ProblemHttpResult NotFound(string what) =>
        Create(StatusCodes.Status404NotFound, ProblemCodes.NotFound, "Not found.", $"{what} was not found.");

    public static ProblemHttpResult Conflict(string code, string message) =>
        Create(StatusCodes.Status409Conflict, code, "Conflict.", message);

    public static ProblemHttpResult Unprocessable(string code, string message, string? field = null) =>
        Create(StatusCodes.Status422UnprocessableEntity, code, "The request cannot be processed.", message,
            field is null ? null : new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult PayloadTooLarge(long limitBytes) =>
        Create(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, "The request body is too large.",
            $"The request body must not exceed {limitBytes} bytes.");

    public static ProblemHttpResult TooManyRequests(TimeSpan retryAfter) =>
        Create(StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited, "Too many requests.",
            $"Retry after {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} second(s).");

    /// <summary>A grain or its storage is momentarily unreachable; the caller retries (same idempotency key) after Retry-After.</summary>
    public static ProblemHttpResult ServiceUnavailable() =>
        Create(StatusCodes.Status503ServiceUnavailable, ProblemCodes.ServiceUnavailable, "The service is briefly unavailable.",
            $"Part of the cluster is recovering; retry after {TransientFailures.RetryAfterSeconds} s with the same X-Idempotency-Key.");

    public static ProblemHttpResult InternalError() =>
        Create(StatusCodes.Status500InternalServerError, ProblemCodes.InternalError, "An unexpected error occurred.",
            "The error was logged; quote the traceId when reporting it.");

    /// <summary>The HTTP answer for a rule a grain refused; the exception handler also applies it to uncaught ones.</summary>
    public static ProblemHttpResult FromDomainRule(DomainRuleException rule) => rule.Kind switch
    {
        RuleViolationKind.Validation => Create(StatusCodes.Status400BadRequest, rule.Code, "The request is invalid.",
            rule.Message, rule.Field is null ? null : new Dictionary<string, string[]> { [rule.Field] = [rule.Message] }),
        RuleViolationKind.NotFound => Create(StatusCodes.Status404NotFound, rule.Code, "Not found.", rule.Message),
        RuleViolationKind.Forbidden => Create(StatusCodes.Status403Forbidden, rule.Code, "Forbidden.", rule.Message),
        RuleViolationKind.Conflict => Create(StatusCodes.Status409Conflict, rule.Code, "Conflict.", rule.Message),
        _ => Unprocessable(rule.Code, rule.Message, rule.Field),
    };

    public static ProblemHttpResult Create(int status, string code, string title, string? detail,
        IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions[CodeKey] = code;
        if (errors is { Count: > 0 })
        {
            problem.Extensions[ErrorsKey] = errors;
        }
        return TypedResults.Problem(problem);
    }

    private static string Describe(IReadOnlyDictionary<string, string[]> errors) =>
        string.Join(" ", errors.SelectMany(pair => pair.Value.Select(message => $"{pair.Key}: {message}")));
}
