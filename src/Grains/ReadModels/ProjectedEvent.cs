using GxProtocol.Grains.Interfaces.Ledger;

namespace GxProtocol.Grains.ReadModels;

/// <summary>What one ledger event changes in the read models, at its position.</summary>
public sealed record ProjectedEvent(LedgerPosition Position, ReadModelChanges Changes);
