using System.Data.Common;
using System.Net.Sockets;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Orleans.Storage;

namespace GxProtocol.ApiFrontends.Infrastructure.Problems;

/// <summary>
/// Failures that say "not now" rather than "never": a silo died or is being declared dead, an activation is moving,
/// the gateway is reconnecting, or grain storage failed for a moment. The request changed nothing that a retry with
/// the same idempotency key cannot finish, so the answer is 503 with Retry-After, not 500.
/// </summary>
public static class TransientFailures
{
    /// <summary>Seconds a client should wait before retrying: about the time an activation needs to move.</summary>
    public const int RetryAfterSeconds = 2;

    public static bool IsTransient(Exception exception) => Flatten(exception).Any(failure => failure is
        SiloUnavailableException or OrleansMessageRejectionException or GatewayTooBusyException or ConnectionFailedException or
        ClientNotAvailableException or OrleansLifecycleCanceledException or InconsistentStateException or
        TimeoutException or DbException or SocketException);

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
