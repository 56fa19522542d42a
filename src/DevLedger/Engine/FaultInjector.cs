using Grpc.Core;
using GxProtocol.DevLedger.Configuration;

namespace GxProtocol.DevLedger.Engine;

/// <summary>
/// Decides injected faults from the live <see cref="DevLedgerFaultOptions"/> with a seeded random source, so a
/// run with the same seed and the same call order injects the same faults.
/// </summary>
public sealed class FaultInjector(DevLedgerFaultOptions faults, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Random random = new(faults.Seed);
    private DateTimeOffset refuseUntil = time.GetUtcNow() + faults.RefuseAllCallsFor;

    public DevLedgerFaultOptions Options => faults;

    /// <summary>Refuses every call with Unavailable for <paramref name="duration"/> from now (a simulated outage).</summary>
    public void RefuseCallsFor(TimeSpan duration)
    {
        lock (gate)
        {
            refuseUntil = time.GetUtcNow() + duration;
        }
    }

    public void ThrowIfRefusingCalls()
    {
        DateTimeOffset until;
        lock (gate)
        {
            until = refuseUntil;
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
        lock (gate)
        {
            return random.NextDouble() < rate;
        }
    }
}
