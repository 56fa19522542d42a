using Grpc.Core;
using GxProtocol.DevLedger.Configuration;

namespace GxProtocol.DevLedger.Engine;

/// <summary>
/// Decides injected faults from the live <see cref="DevLedgerFaultOptions"/> with a seeded random source, so a
/// run with the same seed and the same call order injects the same faults.
/// </summary>
public sealed class FaultInjector(DevLedgerFaultOptions faults, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Random _random = new(faults.Seed);
    private DateTimeOffset _refuseUntil = time.GetUtcNow() + faults.RefuseAllCallsFor;

    public DevLedgerFaultOptions Options => faults;

    /// <summary>Refuses every call with Unavailable for <paramref name="duration"/> from now (a simulated outage).</summary>
    public void RefuseCallsFor(TimeSpan duration)
    {
        lock (_gate)
        {
            _refuseUntil = time.GetUtcNow() + duration;
        }
    }

    public void ThrowIfRefusingCalls()
    {
        DateTimeOffset until;
        lock (_gate)
        {
            until = _refuseUntil;
        }
        if (time.GetUtcNow() < until)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "DevLedger fault injection: refusing calls (simulated outage)"));
        }
    }

    public bool FailEndorsement() => Roll(faults.EndorsementFailureRate);

    public bool ForceMvccConflict() => Roll(faults.MvccConflictRate);

    public bool ForceEndorsementPolicyFailure() => Roll(faults.EndorsementPolicyFailureRate);

    private bool Roll(double rate)
    {
        if (rate <= 0)
        {
            return false;
        }
        lock (_gate)
        {
            return _random.NextDouble() < rate;
        }
    }
}
