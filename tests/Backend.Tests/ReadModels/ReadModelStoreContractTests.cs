using System.Text;
using GxProtocol.Backend.Tests.Postgres;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.ReadModels;
using GxProtocol.Silo.ReadModels;

namespace GxProtocol.Backend.Tests.ReadModels;

/// <summary>One contract for every read-model store: the same tests run against memory and PostgreSQL.</summary>
public abstract class ReadModelStoreContractTests
{
    private readonly Guid _alice = Guid.NewGuid();
    private readonly Guid _bob = Guid.NewGuid();

    protected abstract IReadModelStore Store { get; }

    private ReadModelChanges Transfer(ulong block, long amount) => new(
    [
        new WalletLine(_alice, Line(block, WalletTransactionKinds.TransferOut, -amount)),
        new WalletLine(_bob, Line(block, WalletTransactionKinds.TransferIn, amount)),
    ]);

    private static WalletTransactionView Line(ulong block, string kind, long amount) =>
        new($"tx-{block}", block, kind, null, amount, 0, 1000 + amount, "remark", DateTimeOffset.UnixEpoch, 0);

    [Fact]
    public async Task An_event_is_applied_once_and_the_checkpoint_moves_with_it()
    {
        Assert.Equal(LedgerPosition.None, await Store.GetCheckpointAsync());
        Assert.True(await Store.ApplyAsync(new LedgerPosition(1, 0), Transfer(1, 5)));
        Assert.False(await Store.ApplyAsync(new LedgerPosition(1, 0), Transfer(1, 5)));
        Assert.False(await Store.ApplyAsync(new LedgerPosition(0, 3), Transfer(0, 5)));

        Assert.Equal(new LedgerPosition(1, 0), await Store.GetCheckpointAsync());
        Assert.Single((await Store.GetWalletTransactionsAsync(_alice, null, 10)).Items);
    }

    [Fact]
    public async Task History_pages_newest_first_with_a_cursor()
    {
        for (ulong block = 1; block <= 5; block++)
        {
            await Store.ApplyAsync(new LedgerPosition(block, 0), Transfer(block, (long)block));
        }
        var first = await Store.GetWalletTransactionsAsync(_bob, null, 2);
        Assert.Equal(["tx-5", "tx-4"], first.Items.Select(l => l.TransactionId));
        var second = await Store.GetWalletTransactionsAsync(_bob, first.NextCursor, 2);
        Assert.Equal(["tx-3", "tx-2"], second.Items.Select(l => l.TransactionId));
        var last = await Store.GetWalletTransactionsAsync(_bob, second.NextCursor, 2);
        Assert.Equal(["tx-1"], last.Items.Select(l => l.TransactionId));
        Assert.Null(last.NextCursor);
        Assert.Equal(3, second.Items[0].Amount);
    }

    [Fact]
    public async Task A_dead_letter_advances_the_checkpoint_without_rows()
    {
        var unreadable = new LedgerEventEnvelope(new LedgerPosition(2, 1), "tx-bad", "UserCreated", Encoding.UTF8.GetBytes("not json"), DateTimeOffset.UnixEpoch);
        await Store.RecordDeadLetterAsync(unreadable, "unreadable");
        Assert.Equal(unreadable.Position, await Store.GetCheckpointAsync());
        Assert.False(await Store.ApplyAsync(unreadable.Position, Transfer(2, 1)));
        Assert.Empty((await Store.GetWalletTransactionsAsync(_alice, null, 10)).Items);
    }

    [Fact]
    public async Task Replacing_needs_the_checkpoint_unchanged_and_swaps_every_row()
    {
        await Store.ApplyAsync(new LedgerPosition(1, 0), Transfer(1, 5));
        Assert.False(await Store.ReplaceAsync(new LedgerPosition(0, 0), []));
        Assert.Single((await Store.GetWalletTransactionsAsync(_alice, null, 10)).Items);

        Assert.True(await Store.ReplaceAsync(new LedgerPosition(1, 0), [Transfer(1, 5), Transfer(1, 6)]));
        Assert.Equal([-6, -5], (await Store.GetWalletTransactionsAsync(_alice, null, 10)).Items.Select(l => l.Amount));
        Assert.Equal(new LedgerPosition(1, 0), await Store.GetCheckpointAsync());
    }
}

public sealed class InMemoryReadModelStoreTests : ReadModelStoreContractTests
{
    protected override IReadModelStore Store { get; } = new InMemoryReadModelStore();
}

/// <summary>Each test gets a fresh database: the store's checkpoint is a single row.</summary>
public sealed class PostgresReadModelStoreTests : ReadModelStoreContractTests, IAsyncLifetime
{
    private readonly PostgresFixture _database = new();
    private PostgresReadModelStore? _store;

    protected override IReadModelStore Store => _store ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _store = new PostgresReadModelStore(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _store!.DisposeAsync();
        await _database.DisposeAsync();
    }
}
