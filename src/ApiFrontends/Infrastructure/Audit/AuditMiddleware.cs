using System.Security.Claims;
using System.Text.RegularExpressions;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.Grains.Interfaces.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GxProtocol.ApiFrontends.Infrastructure.Audit;

/// <summary>
/// Records every request to an administrative route (policy admin or super_admin) in the audit log once it is
/// answered: refusals (401, 403, 4xx) as much as successes, since an attempt on an admin route is what an auditor
/// looks for. Runs after routing and before authentication, so it sees the endpoint and, afterwards, the caller.
/// The request id is the client's X-Request-Id when it sent a usable one, else the server's trace identifier; the
/// answer carries it back.
/// </summary>
internal sealed partial class AuditMiddleware(RequestDelegate next, TimeProvider clock, ILogger<AuditMiddleware> logger)
{
    public const string RequestIdHeader = "X-Request-Id";
    public const int MaxRequestIdLength = 128;

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint() as RouteEndpoint;
        if (endpoint is null || !IsAdministrative(endpoint))
        {
            await next(context);
            return;
        }
        var requestId = RequestIdOf(context);
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[RequestIdHeader] = requestId;
            return Task.CompletedTask;
        });
        var statusCode = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            statusCode = context.Response.StatusCode;
        }
        finally
        {
            await RecordAsync(context, endpoint, requestId, statusCode);
        }
    }

    private async Task RecordAsync(HttpContext context, RouteEndpoint endpoint, string requestId, int statusCode)
    {
        var caller = context.User;
        var entry = new AuditEntry(clock.GetUtcNow(), caller.TryGetUserId(out var actorId) ? actorId : null, caller.FindFirstValue(GxClaimTypes.Role),
            $"{context.Request.Method} {ActionOf(endpoint)}", TargetOf(context, endpoint), requestId, statusCode, AuditOutcomes.For(statusCode));
        try
        {
            var grains = context.RequestServices.GetRequiredService<IGrainFactory>();
            await grains.GetGrain<IAuditLogGrain>(0).AppendAsync(entry);
        }
        catch (Exception failure)
        {
            // The request has been answered; losing its audit line must at least be loud.
            logger.LogError(failure, "Audit entry lost: {Action} by {Actor} on {Target} ({RequestId}, {StatusCode})",
                entry.Action, entry.ActorId, entry.Target, entry.RequestId, entry.StatusCode);
        }
    }

    private static bool IsAdministrative(Endpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(data => data.Policy is GxPolicies.Admin or GxPolicies.SuperAdmin);

    /// <summary>The route as the OpenAPI document spells it: constraints dropped ("{id:guid}" becomes "{id}").</summary>
    private static string ActionOf(RouteEndpoint endpoint) => RouteConstraint().Replace(endpoint.RoutePattern.RawText ?? "", "{$1}");

    /// <summary>The route's parameter values in path order ("userId", or "orgId/pendingTxId"); null for routes without any.</summary>
    private static string? TargetOf(HttpContext context, RouteEndpoint endpoint)
    {
        var values = endpoint.RoutePattern.Parameters
            .Select(p => context.Request.RouteValues.TryGetValue(p.Name, out var value) ? value?.ToString() : null)
            .OfType<string>()
            .ToList();
        return values.Count == 0 ? null : string.Join('/', values);
    }

    private static string RequestIdOf(HttpContext context)
    {
        var sent = context.Request.Headers[RequestIdHeader].ToString();
        return sent.Length is > 0 and <= MaxRequestIdLength && sent.All(c => c is > ' ' and < (char)127) ? sent : context.TraceIdentifier;
    }

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex RouteConstraint();
}
