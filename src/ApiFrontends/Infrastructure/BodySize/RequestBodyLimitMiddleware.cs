using GxProtocol.ApiFrontends.Infrastructure.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace GxProtocol.ApiFrontends.Infrastructure.BodySize;

/// <summary>
/// Answers 413 for bodies above the limit whatever the server: Content-Length is checked up front, chunked bodies
/// by counting as they are read. Kestrel's own limit is lowered too, but TestServer and IIS do not all enforce it,
/// and minimal-API binding swallows the I/O error a too-long body causes, so this middleware owns the answer.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(
    RequestDelegate next, IOptionsMonitor<RequestBodyLimitOptions> options, IEnumerable<IRequestBodyLimitPolicy> policies)
{
    private readonly IRequestBodyLimitPolicy[] _policies = policies.ToArray();

    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.CurrentValue.MaxRequestBodyBytes;
        foreach (var policy in _policies)
        {
            limit = policy.LimitFor(context.Request) ?? limit;
        }
        context.Items[typeof(RequestBodyLimitMiddleware)] = limit;

        if (context.Request.ContentLength > limit)
        {
            await GxProblems.PayloadTooLarge(limit).ExecuteAsync(context);
            return;
        }

        var serverLimit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (serverLimit is { IsReadOnly: false })
        {
            serverLimit.MaxRequestBodySize = limit;
        }

        var counting = new LengthLimitedReadStream(context.Request.Body, limit);
        context.Request.Body = counting;
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException) when (counting.LimitExceeded && !context.Response.HasStarted)
        {
            // Thrown by our stream and rethrown by the binder; answered below.
        }

        if (counting.LimitExceeded && !context.Response.HasStarted)
        {
            context.Response.Clear();
            await GxProblems.PayloadTooLarge(limit).ExecuteAsync(context);
        }
    }

    internal static long LimitFor(HttpContext context) =>
        context.Items.TryGetValue(typeof(RequestBodyLimitMiddleware), out var value) && value is long limit ? limit : 0;
}
