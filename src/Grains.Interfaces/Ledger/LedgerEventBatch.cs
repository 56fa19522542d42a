namespace GxProtocol.Grains.Interfaces.Ledger;

/// <summary>
/// Consecutive ledger events for one subscriber, in ledger order: a subscriber applies them all and then writes its
/// state once, so a block's events cost each grain one write, not one per event.
/// </summary>
[GenerateSerializer, Immutable, Alias("gx.LedgerEventBatch")]
public sealed record LedgerEventBatch([property: Id(0)] IReadOnlyList<LedgerEventEnvelope> Events);
