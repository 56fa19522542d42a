using GxProtocol.Grains.Interfaces.Ledger;

namespace GxProtocol.Grains.Ledger;

/// <summary>The listener's checkpoint: the last event every subscriber applied, by position and transaction id.</summary>
[GenerateSerializer, Alias("gx.LedgerListenerState")]
public sealed class LedgerListenerState
{
    [Id(0)] public LedgerPosition Position { get; set; } = LedgerPosition.None;
    [Id(1)] public string? TransactionId { get; set; }
    [Id(2)] public long EventsApplied { get; set; }
}
