namespace GxProtocol.Grains.Interfaces.Ledger;

/// <summary>Anything that applies ledger events and remembers how far it got, so a replay changes nothing.</summary>
public interface ILedgerEventSubscriber
{
    LedgerPosition LastApplied { get; }
}
