namespace GxProtocol.Grains.Interfaces.Ledger;

/// <summary>The cluster's one reader of the chaincode event stream; key 0.</summary>
[Alias("gx.ILedgerListenerGrain")]
public interface ILedgerListenerGrain : IGrainWithIntegerKey
{
    /// <summary>Starts the reading loop if this activation is not running it yet.</summary>
    [Alias("EnsureRunning")] Task EnsureRunningAsync();
    [Alias("GetStatus")] Task<LedgerListenerStatus> GetStatusAsync();
}

[GenerateSerializer, Immutable, Alias("gx.LedgerListenerStatus")]
public sealed record LedgerListenerStatus(
    [property: Id(0)] LedgerPosition Checkpoint,
    [property: Id(1)] long EventsApplied,
    [property: Id(2)] bool Running,
    [property: Id(3)] string? LastError);
