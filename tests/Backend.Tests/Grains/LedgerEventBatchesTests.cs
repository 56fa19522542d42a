using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Ledger;

namespace GxProtocol.Backend.Tests.Grains;

public sealed class LedgerEventBatchesTests
{
    private static LedgerEventEnvelope At(ulong block, int index) =>
        new(new LedgerPosition(block, index), $"tx-{block}-{index}", "TransferWithFeesCompleted", [], DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task A_batch_applies_its_events_in_order_and_writes_the_state_once()
    {
        var applied = new List<LedgerPosition>();
        var writes = 0;

        await LedgerEventBatches.ApplyAsync(new LedgerEventBatch([At(4, 0), At(4, 1), At(5, 0)]),
            e => { applied.Add(e.Position); return true; }, () => { writes++; return Task.CompletedTask; });

        Assert.Equal([new(4, 0), new(4, 1), new(5, 0)], applied);
        Assert.Equal(1, writes);
    }

    [Fact]
    public async Task A_batch_that_changes_nothing_writes_nothing()
    {
        var writes = 0;

        await LedgerEventBatches.ApplyAsync(new LedgerEventBatch([At(1, 0), At(1, 1)]), _ => false, () => { writes++; return Task.CompletedTask; });

        Assert.Equal(0, writes);
    }
}
