using System.Text.Json;
using GxProtocol.Grains.Interfaces.Ledger;
using Microsoft.Extensions.Logging;

namespace GxProtocol.Grains.Ledger;

/// <summary>How an aggregate grain applies a ledger event: once by position, and never stopping the stream on a bad payload.</summary>
public static class LedgerEventApplication
{
    /// <summary>
    /// Runs <paramref name="apply"/> unless the event is at or below <paramref name="lastApplied"/>; returns whether the
    /// grain must record the event's position. An unreadable payload is skipped here (the read-model projector keeps it
    /// as a dead letter): refusing it would make the listener redeliver it forever.
    /// </summary>
    public static bool Apply(LedgerPosition lastApplied, LedgerEventEnvelope ledgerEvent, Action apply, ILogger logger)
    {
        if (ledgerEvent.Position <= lastApplied)
        {
            return false;
        }
        try
        {
            apply();
        }
        catch (JsonException unreadable)
        {
            logger.LogWarning("Skipping unreadable {EventName} at {Position}: {Reason}", ledgerEvent.EventName, ledgerEvent.Position, unreadable.Message);
        }
        return true;
    }
}
