namespace GxProtocol.DevLedger.Configuration;

/// <summary>
/// Faults to inject, for tests (section <c>Gx:DevLedger:Faults</c>). The ledger reads these live, so a test may
/// change them on a running ledger. Random decisions come from <see cref="Seed"/> and are reproducible.
/// </summary>
public sealed class DevLedgerFaultOptions
{
    /// <summary>Share of endorsements refused as an endorser failure (transient, no chaincode status).</summary>
    public double EndorsementFailureRate { get; set; }

    /// <summary>Share of transactions committed as MVCC_READ_CONFLICT regardless of their reads.</summary>
    public double MvccConflictRate { get; set; }

    /// <summary>Share of transactions committed as ENDORSEMENT_POLICY_FAILURE.</summary>
    public double EndorsementPolicyFailureRate { get; set; }

    /// <summary>Extra time before each block is committed.</summary>
    public TimeSpan CommitDelay { get; set; }

    /// <summary>Each chaincode event stream fails with Unavailable after delivering this many events.</summary>
    public int? DropEventStreamAfterEvents { get; set; }

    /// <summary>Every call is refused with Unavailable for this long after start.</summary>
    public TimeSpan RefuseAllCallsFor { get; set; }

    public int Seed { get; set; } = 1;
}
