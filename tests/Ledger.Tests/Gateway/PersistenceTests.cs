using System.Text;
using GxProtocol.DevLedger.Configuration;
using GxProtocol.DevLedger.Hosting;
using GxProtocol.Fabric;
using GxProtocol.Fabric.Client;
using GxProtocol.Fabric.Identity;

namespace GxProtocol.Ledger.Tests.Gateway;

public sealed class PersistenceTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "devledger-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_chain_state_and_events_survive_a_restart_and_a_torn_tail()
    {
        var identity = DevelopmentIdentity.Create("persistent");
        var committed = new List<CommittedTransaction>();
        string transferCommand = Guid.NewGuid().ToString();
        await using (var ledger = await LedgerFixture.StartAsync(options => options.DataDirectory = _directory, identity))
        {
            committed.Add(await ledger.Client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["alice", "100"]));
            committed.Add(await ledger.Client.SubmitAsync(transferCommand, "KV:Transfer", ["alice", "bob", "25"]));
        }
        // A crash in the middle of appending a block leaves a partial record behind.
        await File.AppendAllBytesAsync(Path.Combine(_directory, "blocks.bin"), [0, 0, 1, 0, 42, 42]);

        await using (var ledger = await LedgerFixture.StartAsync(options => options.DataDirectory = _directory, identity))
        {
            Assert.Equal("75", Encoding.UTF8.GetString(ledger.Host.Ledger.GetState("alice")!));
            Assert.Equal("25", Encoding.UTF8.GetString(await ledger.Client.EvaluateAsync("KV:Get", ["bob"])));
            foreach (var transaction in committed)
            {
                var status = await ledger.Client.GetCommitStatusAsync(transaction.TransactionId);
                Assert.True(status.IsValid);
                Assert.Equal(transaction.BlockNumber, status.BlockNumber);
            }
            var retry = await Assert.ThrowsAsync<LedgerCommitException>(() => ledger.Client.SubmitAsync(transferCommand, "KV:Transfer", ["alice", "bob", "25"]));
            Assert.True(retry.IsDuplicate);

            var next = await ledger.Client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["carol", "1"]);
            Assert.True(next.BlockNumber > committed[^1].BlockNumber);

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var events = new List<LedgerEvent>();
            await foreach (var ledgerEvent in ledger.Client.ReadEventsAsync(new LedgerCheckpoint(0, null), timeout.Token))
            {
                events.Add(ledgerEvent);
                if (events.Count == 3)
                {
                    break;
                }
            }
            Assert.Equal([committed[0].TransactionId, committed[1].TransactionId, next.TransactionId], events.Select(e => e.TransactionId).ToList());
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
