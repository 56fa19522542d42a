using GxProtocol.Grains.Commands;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.Tax;

namespace GxProtocol.Grains.Tax;

[GenerateSerializer, Alias("gx.TaxAccountState")]
public sealed class TaxAccountState
{
    /// <summary>The history kept in the grain; older entries live in the read models' wallet history.</summary>
    public const int HistoryLimit = 50;

    [Id(0)] public long FeesPaid { get; set; }
    [Id(1)] public long VelocityTaxPaid { get; set; }

    /// <summary>When this account last sent money or was taxed: the ledger restarts its velocity-tax clock then.</summary>
    [Id(2)] public DateTimeOffset? LastOutgoingAt { get; set; }

    /// <summary>Newest first, at most <see cref="HistoryLimit"/>.</summary>
    [Id(3)] public List<TaxHistoryEntry> History { get; set; } = [];

    [Id(4)] public LedgerPosition LastApplied { get; set; } = LedgerPosition.None;
    [Id(5)] public CommandLog Log { get; set; } = new();

    public void Record(TaxHistoryEntry entry)
    {
        History.Insert(0, entry);
        if (History.Count > HistoryLimit)
        {
            History.RemoveRange(HistoryLimit, History.Count - HistoryLimit);
        }
    }
}
