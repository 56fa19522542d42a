using GxProtocol.Grains.Interfaces.Ledger;

namespace GxProtocol.Grains.Ledger;

/// <summary>How an aggregate grain takes a batch of ledger events: each applied in order, then one state write.</summary>
public static class LedgerEventBatches
{
    /// <param name="apply">Applies one event to the state in memory; returns whether the state changed.</param>
    public static async Task ApplyAsync(LedgerEventBatch batch, Func<LedgerEventEnvelope, bool> apply, Func<Task> writeState)
    {
        var changed = false;
        foreach (var ledgerEvent in batch.Events)
        {
            changed |= apply(ledgerEvent);
        }
        if (changed)
        {
            await writeState();
        }
    }
}
