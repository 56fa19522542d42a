namespace GxProtocol.ApiFrontends.Infrastructure.Problems;

/// <summary>The stable <c>code</c> values clients switch on; titles and details may change, these may not.</summary>
public static class ProblemCodes
{
    public const string InvalidBody = "invalid_body";
    public const string InvalidRequest = "invalid_request";
    public const string ValidationFailed = "validation_failed";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string RateLimited = "rate_limited";
    public const string IdempotencyKeyMissing = "idempotency_key_missing";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string RequestInProgress = "request_in_progress";
    public const string InternalError = "internal_error";
    public const string ServiceUnavailable = "service_unavailable";

    /// <summary>The code for a status that reached the client without one (status-code pages, framework answers).</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => InvalidRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => "conflict",
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        422 => "unprocessable",
        429 => RateLimited,
        503 => ServiceUnavailable,
        >= 500 => InternalError,
        _ => "http_" + status,
    };
}
