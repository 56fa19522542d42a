using System.Text.Json;
using System.Text.RegularExpressions;
using GxProtocol.ApiFrontends.Infrastructure.BodySize;
using GxProtocol.ApiFrontends.Infrastructure.Json;
using GxProtocol.Grains.Interfaces.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace GxProtocol.ApiFrontends.Infrastructure.Problems;

/// <summary>
/// The last word on every exception: binding failures become 400/413/415 naming the field, grain rule refusals
/// their 4xx, a momentarily unreachable grain or failing storage 503 with Retry-After, anything else a 500 that
/// reveals nothing but the trace id.
/// </summary>
internal sealed partial class GxExceptionHandler(ILogger<GxExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        var problem = Map(exception, httpContext);
        if (problem.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = TransientFailures.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            LogTransient(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name, exception.Message);
        }
        else if (problem.StatusCode >= 500)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        await problem.ExecuteAsync(httpContext);
        return true;
    }

    private static ProblemHttpResult Map(Exception exception, HttpContext httpContext) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } => GxProblems.InvalidBody(JsonErrorDescriber.Describe(json)),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            GxProblems.PayloadTooLarge(RequestBodyLimitMiddleware.LimitFor(httpContext)),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
            GxProblems.Create(StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType,
                "Unsupported media type.", "Send the body as 'Content-Type: application/json'."),
        BadHttpRequestException bad => FromBindingFailure(bad),
        JsonException json => GxProblems.InvalidBody(JsonErrorDescriber.Describe(json)),
        DomainRuleException rule => GxProblems.FromDomainRule(rule),
        _ when TransientFailures.IsTransient(exception) => GxProblems.ServiceUnavailable(),
        _ => GxProblems.InternalError(),
    };

    private static ProblemHttpResult FromBindingFailure(BadHttpRequestException bad)
    {
        var failed = FailedToBind().Match(bad.Message);
        if (failed.Success)
        {
            return GxProblems.Create(bad.StatusCode, ProblemCodes.InvalidRequest, "The request is invalid.",
                $"{failed.Groups["name"].Value}: has an invalid value.",
                new Dictionary<string, string[]> { [failed.Groups["name"].Value] = ["has an invalid value."] });
        }

        var required = RequiredParameter().Match(bad.Message);
        if (required.Success)
        {
            var name = required.Groups["source"].Value == "body" ? JsonErrorDescriber.BodyField : required.Groups["name"].Value;
            return GxProblems.Create(bad.StatusCode, ProblemCodes.InvalidRequest, "The request is invalid.",
                $"{name}: is required.", new Dictionary<string, string[]> { [name] = ["is required."] });
        }

        if (bad.Message.Contains("no body was provided", StringComparison.Ordinal))
        {
            return GxProblems.InvalidBody(new Dictionary<string, string[]> { [JsonErrorDescriber.BodyField] = ["is required."] });
        }

        return GxProblems.Create(bad.StatusCode, ProblemCodes.ForStatus(bad.StatusCode), "The request is invalid.", null);
    }

    [GeneratedRegex("^Failed to bind parameter \"\\S+ (?<name>[^\"]+)\"")]
    private static partial Regex FailedToBind();

    [GeneratedRegex("^Required parameter \"\\S+ (?<name>[^\"]+)\" was not provided from (?<source>\\w+)")]
    private static partial Regex RequiredParameter();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transient failure on {Method} {Path}, answered 503: {Kind}: {Reason}")]
    private static partial void LogTransient(ILogger logger, string method, PathString path, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);
}
