using GxProtocol.ApiFrontends.Infrastructure.Commands;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.ApiFrontends.Infrastructure.RateLimiting;
using GxProtocol.Grains.Interfaces.Idempotency;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace GxProtocol.ApiFrontends.Infrastructure.Idempotency;

/// <summary>
/// Makes a write safe to retry. The endpoint's result is executed into a memory buffer rather than captured as an
/// object, so whatever the handler returns (typed results, problems, plain objects) is replayed exactly as first
/// sent. Only non-5xx answers are stored: a server failure leaves the key free for the client's retry.
/// </summary>
internal sealed class IdempotencyFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[IdempotencyHeaders.Key].ToString();
        if (key.Length is < IdempotencyHeaders.MinKeyLength or > IdempotencyHeaders.MaxKeyLength || !IsPrintableAscii(key))
        {
            var message = string.IsNullOrEmpty(key)
                ? "is required for this request."
                : $"must be {IdempotencyHeaders.MinKeyLength} to {IdempotencyHeaders.MaxKeyLength} printable ASCII characters.";
            return GxProblems.Create(StatusCodes.Status400BadRequest,
                string.IsNullOrEmpty(key) ? ProblemCodes.IdempotencyKeyMissing : ProblemCodes.ValidationFailed,
                "The request is invalid.", $"{IdempotencyHeaders.Key}: {message}",
                new Dictionary<string, string[]> { [IdempotencyHeaders.Key] = [message] });
        }

        if (!IdempotencyBufferingMiddleware.WasApplied(http))
        {
            throw new InvalidOperationException(
                "WithIdempotency() needs the request body buffered before binding: call app.UseGxApiInfrastructure() before mapping endpoints.");
        }

        var requestHash = await RequestFingerprint.ComputeAsync(http.Request, http.RequestAborted);
        SupplyCommandId(context, requestHash);
        var grains = http.RequestServices.GetRequiredService<IGrainFactory>();
        var grain = grains.GetGrain<IIdempotencyGrain>($"{ClientPartition.PrincipalOf(http)}:{key}");

        var decision = await grain.BeginAsync(requestHash);
        switch (decision.Outcome)
        {
            case IdempotencyOutcome.Replay:
                return new StoredResponseResult(decision.Response!, replayed: true);
            case IdempotencyOutcome.Conflict:
                return GxProblems.Conflict(ProblemCodes.IdempotencyKeyReused,
                    $"This {IdempotencyHeaders.Key} was already used for a different request; use a new key.");
            case IdempotencyOutcome.InProgress:
                return GxProblems.Conflict(ProblemCodes.RequestInProgress,
                    $"A request with this {IdempotencyHeaders.Key} is still being processed; retry shortly.");
        }

        StoredResponse response;
        try
        {
            response = await ExecuteBufferedAsync(context, next);
        }
        catch
        {
            await grain.AbandonAsync(requestHash);
            throw;
        }

        if (response.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            await grain.AbandonAsync(requestHash);
        }
        else
        {
            await grain.CompleteAsync(requestHash, response);
        }
        return new StoredResponseResult(response, replayed: false);
    }

    private static async Task<StoredResponse> ExecuteBufferedAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var originalBody = http.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        var bufferedBody = new StreamResponseBodyFeature(buffer, originalBody);
        http.Features.Set<IHttpResponseBodyFeature>(bufferedBody);
        try
        {
            var result = await next(context);
            var asResult = result switch
            {
                IResult r => r,
                null => null,
                string text => TypedResults.Text(text),
                _ => TypedResults.Json(result),
            };
            if (asResult is not null)
            {
                await asResult.ExecuteAsync(http);
            }
            await bufferedBody.CompleteAsync();
        }
        finally
        {
            http.Features.Set(originalBody);
        }

        var headers = http.Response.Headers;
        // The replay result writes these again; clearing avoids a second Content-Length or Location on the first answer.
        var location = headers.Location.ToString();
        headers.Remove("Location");
        headers.ContentLength = null;
        return new StoredResponse(http.Response.StatusCode, http.Response.ContentType,
            buffer.ToArray(), string.IsNullOrEmpty(location) ? null : location);
    }

    /// <summary>Hands the handler its <see cref="LedgerCommandId"/> argument, which binding left empty.</summary>
    private static void SupplyCommandId(EndpointFilterInvocationContext context, string requestHash)
    {
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            if (context.Arguments[i] is LedgerCommandId)
            {
                context.Arguments[i] = new LedgerCommandId(CommandIds.For(context.HttpContext, requestHash));
            }
        }
    }

    private static bool IsPrintableAscii(string value) => value.All(c => c is >= '!' and <= '~');
}
