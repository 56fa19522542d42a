using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Outbox;
using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Backend.Tests.Outbox;

/// <summary>What one more command costs to store does not depend on how many are queued already (ARCHITECTURE.md, "Write budget").</summary>
public sealed class OutboxWriteBudgetTests(MeasuredStorageClusterFixture fixture) : IClassFixture<MeasuredStorageClusterFixture>
{
    [Fact]
    public async Task Bytes_written_per_enqueued_command_are_the_same_with_10_or_10000_already_queued()
    {
        // A ledger that refuses every call keeps everything queued; one origin keeps a single command in flight.
        fixture.Ledger.Host.Ledger.Faults.RefuseCallsFor(TimeSpan.FromMinutes(10));
        try
        {
            var shard = fixture.Client.GetGrain<IOutboxGrain>(5);
            var origin = fixture.Client.GetGrain<IUserGrain>(Guid.NewGuid()).GetGrainId();

            await EnqueueAsync(shard, origin, 10);
            var withTen = await BytesWrittenByOneMoreAsync(shard, origin);
            await EnqueueAsync(shard, origin, 10_000 - 11);
            var withTenThousand = await BytesWrittenByOneMoreAsync(shard, origin);

            Assert.Equal(10_001, (await shard.GetQueueAsync()).Count);
            Assert.InRange(withTen, 1, 1_000);
            Assert.Equal(withTen, withTenThousand);
        }
        finally
        {
            fixture.Ledger.Host.Ledger.Faults.RefuseCallsFor(TimeSpan.Zero);
        }
    }

    private static LedgerCommand Command(GrainId origin) =>
        new(Guid.NewGuid(), "TokenomicsContract:TransferWithFees", ["sender", "recipient", "1000", "budget", "00000000-0000-0000-0000-000000000000"],
            origin, null, DateTimeOffset.UtcNow, Hold: 1_001);

    private static async Task EnqueueAsync(IOutboxGrain shard, GrainId origin, int count)
    {
        for (var done = 0; done < count; done += 100)
        {
            await Task.WhenAll(Enumerable.Range(0, Math.Min(100, count - done)).Select(_ => shard.EnqueueAsync(Command(origin))));
        }
    }

    /// <summary>Grain state and outbox rows together: whatever the outbox stores for one more command.</summary>
    private async Task<long> BytesWrittenByOneMoreAsync(IOutboxGrain shard, GrainId origin)
    {
        var before = fixture.GrainStorage.BytesWritten + fixture.MeasuringRows.BytesWritten;
        await shard.EnqueueAsync(Command(origin));
        return fixture.GrainStorage.BytesWritten + fixture.MeasuringRows.BytesWritten - before;
    }
}
