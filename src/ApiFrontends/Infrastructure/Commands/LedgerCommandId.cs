using System.Reflection;
using GxProtocol.ApiFrontends.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Http;

namespace GxProtocol.ApiFrontends.Infrastructure.Commands;

/// <summary>
/// The command id of the request, as a handler parameter. Binding only reserves the argument: the idempotency filter
/// fills it in once it has admitted the request, because the id is derived from the fingerprint the filter computes
/// (<see cref="CommandIds.For"/>).
/// </summary>
public readonly record struct LedgerCommandId(Guid Value)
{
    public static ValueTask<LedgerCommandId> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpointMetadata>() is null)
        {
            // A route without the filter would hand the grains an empty id, which every command would then share.
            throw new InvalidOperationException(
                $"Parameter '{parameter.Name}' of type {nameof(LedgerCommandId)} needs WithIdempotency() or AsLedgerCommand() on its route.");
        }
        return ValueTask.FromResult(default(LedgerCommandId));
    }
}
