using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace GxProtocol.ApiFrontends.Infrastructure.Metrics;

/// <summary>Outermost middleware, so it sees the final status (including 500s written by the exception handler).</summary>
internal sealed class HttpMetricsMiddleware(RequestDelegate next, GxHttpMetrics metrics)
{
    private static readonly HashSet<string> KnownMethods =
        new(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"], StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext context)
    {
        var service = GxHttpMetrics.ServiceOf(context.Request.Path);
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            // An exception escaping to here means the server answers 500 on our behalf.
            var code = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            var method = KnownMethods.Contains(context.Request.Method) ? context.Request.Method : "OTHER";
            metrics.Requests.WithLabels(service, method, code.ToString(CultureInfo.InvariantCulture)).Inc();
            metrics.Duration.WithLabels(service).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
