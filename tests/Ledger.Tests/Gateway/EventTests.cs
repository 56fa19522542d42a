using System.Text;
using Google.Protobuf;
using Grpc.Core;
using GxProtocol.Fabric;
using GxProtocol.Fabric.Identity;
using GxProtocol.Fabric.Protos.Gateway;
using GxProtocol.Fabric.Protos.Orderer;

namespace GxProtocol.Ledger.Tests.Gateway;

public sealed class EventTests
{
    private const int BlockSize = 6;

    /// <summary>Commits <see cref="BlockSize"/> puts that the orderer cuts into one block (by count).</summary>
    private static async Task<List<CommittedTransaction>> CommitOneFullBlockAsync(LedgerFixture ledger)
    {
        var submissions = Enumerable.Range(0, BlockSize)
            .Select(i => ledger.Client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", [$"key{i}", $"value{i}"]));
        var committed = (await Await.WithTimeout(Task.WhenAll(submissions), "one full block of puts")).ToList();
        Assert.Single(committed.Select(c => c.BlockNumber).Distinct());
        return committed;
    }

    private static async Task<List<LedgerEvent>> ReadAsync(LedgerFixture ledger, LedgerCheckpoint? checkpoint, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = new List<LedgerEvent>();
        await foreach (var ledgerEvent in ledger.Client.ReadEventsAsync(checkpoint, timeout.Token))
        {
            events.Add(ledgerEvent);
            if (events.Count == count)
            {
                break;
            }
        }
        return events;
    }

    private static LedgerFixture.Configure FullBlocks => options =>
    {
        options.MaxTransactionsPerBlock = BlockSize;
        options.BatchTimeout = TimeSpan.FromSeconds(30);
    };

    [Fact]
    public async Task One_event_per_transaction_in_block_order_and_the_last_SetEvent_wins()
    {
        await using var ledger = await LedgerFixture.StartAsync(FullBlocks);
        var committed = await CommitOneFullBlockAsync(ledger);
        ulong block = committed[0].BlockNumber;

        var events = await ReadAsync(ledger, new LedgerCheckpoint(block, null), BlockSize);

        var order = ledger.Host.Ledger.GetBlock(block).Transactions.Select(t => t.TransactionId).ToList();
        Assert.Equal(order, events.Select(e => e.TransactionId).ToList());
        Assert.All(events, e => Assert.Equal("Put", e.EventName));
        Assert.All(events, e => Assert.Equal("gxtv3", e.ChaincodeName));
        Assert.All(events, e => Assert.Equal(block, e.BlockNumber));
    }

    [Fact]
    public async Task Resuming_from_a_checkpoint_in_the_middle_of_a_block_delivers_the_rest_without_loss_or_repeat()
    {
        await using var ledger = await LedgerFixture.StartAsync(FullBlocks);
        await CommitOneFullBlockAsync(ledger);
        var second = await CommitOneFullBlockAsync(ledger);
        var all = await ReadAsync(ledger, new LedgerCheckpoint(second[0].BlockNumber - 1, null), 2 * BlockSize);

        var checkpoint = all[2].Position;
        var resumed = await ReadAsync(ledger, checkpoint, 2 * BlockSize - 3);

        Assert.Equal(all.Skip(3).Select(e => e.TransactionId), resumed.Select(e => e.TransactionId));
    }

    [Fact]
    public async Task A_reader_that_reconnects_from_its_checkpoint_after_stream_drops_sees_every_event_exactly_once()
    {
        await using var ledger = await LedgerFixture.StartAsync(options =>
        {
            FullBlocks(options);
            options.Faults.DropEventStreamAfterEvents = 4;
        });
        await CommitOneFullBlockAsync(ledger);
        var second = await CommitOneFullBlockAsync(ledger);
        var expected = Enumerable.Range((int)second[0].BlockNumber - 1, 2)
            .SelectMany(b => ledger.Host.Ledger.GetBlock((ulong)b).Transactions.Select(t => t.TransactionId)).ToList();

        var seen = new List<string>();
        var checkpoint = new LedgerCheckpoint(second[0].BlockNumber - 1, null);
        int drops = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (seen.Count < expected.Count)
        {
            try
            {
                await foreach (var ledgerEvent in ledger.Client.ReadEventsAsync(checkpoint, timeout.Token))
                {
                    seen.Add(ledgerEvent.TransactionId);
                    checkpoint = ledgerEvent.Position;
                    if (seen.Count == expected.Count)
                    {
                        break;
                    }
                }
            }
            catch (LedgerUnavailableException)
            {
                drops++;
            }
        }

        Assert.Equal(expected, seen);
        Assert.Equal(2, drops);
    }

    [Fact]
    public async Task Without_a_checkpoint_the_stream_starts_at_the_next_commit()
    {
        await using var ledger = await LedgerFixture.StartAsync();
        var before = await ledger.Client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["before", "1"]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var events = ledger.Client.ReadEventsAsync(null, timeout.Token).GetAsyncEnumerator(timeout.Token);
        var next = events.MoveNextAsync().AsTask();

        // The stream registers asynchronously, so keep committing until it reports one; none may be the earlier commit.
        while (!next.IsCompleted)
        {
            await ledger.Client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["after", "1"], timeout.Token);
            await Task.WhenAny(next, Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token));
        }

        Assert.True(await next);
        Assert.NotEqual(before.TransactionId, events.Current.TransactionId);
        Assert.True(events.Current.BlockNumber > before.BlockNumber);
    }

    [Fact]
    public async Task Newest_and_Oldest_start_positions_are_refused_like_a_Fabric_peer()
    {
        await using var ledger = await LedgerFixture.StartAsync();
        using var identity = RawGateway.SigningIdentityOf(ledger.Identity);
        foreach (var position in new[] { new SeekPosition { Newest = new SeekNewest() }, new SeekPosition { Oldest = new SeekOldest() } })
        {
            var request = new ChaincodeEventsRequest { ChannelId = "gxchannel", ChaincodeId = "gxtv3", Identity = identity.Creator, StartPosition = position }.ToByteString();
            var signed = new SignedChaincodeEventsRequest { Request = request, Signature = identity.SignToByteString(request) };
            using var call = ledger.RawGateway().ChaincodeEvents(signed);

            var failure = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

            Assert.Equal(StatusCode.InvalidArgument, failure.StatusCode);
            Assert.Contains("invalid start position type", failure.Status.Detail);
        }
    }

    [Fact]
    public async Task Events_of_invalid_transactions_are_not_delivered()
    {
        await using var ledger = await LedgerFixture.StartAsync();
        var valid = await ledger.Client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["a", "1"]);
        ledger.Host.Options.Faults.MvccConflictRate = 1;
        var invalid = await Assert.ThrowsAsync<LedgerCommitException>(() => ledger.Client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["b", "2"]));
        ledger.Host.Options.Faults.MvccConflictRate = 0;
        var last = await ledger.Client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["c", "3"]);

        var events = await ReadAsync(ledger, new LedgerCheckpoint(valid.BlockNumber, null), 2);

        Assert.Equal([valid.TransactionId, last.TransactionId], events.Select(e => e.TransactionId).ToList());
        Assert.DoesNotContain(invalid.TransactionId, events.Select(e => e.TransactionId));
        Assert.Equal("c=3", Encoding.UTF8.GetString(events[1].Payload));
    }
}
