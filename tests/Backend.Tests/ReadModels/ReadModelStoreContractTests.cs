using System.Text;
using System.Text.Json.Nodes;
using GxProtocol.Backend.Tests.Support;
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
    public async Task A_batch_applies_only_what_is_past_the_checkpoint_in_one_step_and_ends_at_its_last_event()
    {
        await Store.ApplyAsync(new LedgerPosition(1, 0), Transfer(1, 5));

        var applied = await Store.ApplyAllAsync(
        [
            new ProjectedEvent(new LedgerPosition(1, 0), Transfer(1, 5)),
            new ProjectedEvent(new LedgerPosition(2, 0), Transfer(2, 6)),
            new ProjectedEvent(new LedgerPosition(2, 1), Transfer(2, 7)),
        ]);

        Assert.Equal(2, applied);
        Assert.Equal(new LedgerPosition(2, 1), await Store.GetCheckpointAsync());
        Assert.Equal([-7, -6, -5], (await Store.GetWalletTransactionsAsync(_alice, null, 10)).Items.Select(l => l.Amount));
        Assert.Equal(0, await Store.ApplyAllAsync([new ProjectedEvent(new LedgerPosition(2, 1), Transfer(2, 7))]));
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

    private static ReadModelChanges Documents(params DocumentPatch[] patches) => new([], patches, []);

    [Fact]
    public async Task Documents_merge_patches_and_list_by_partition_and_status_newest_first()
    {
        await Store.ApplyAsync(new LedgerPosition(1, 0), Documents(
            new DocumentPatch("loans", "l1", "alice", "PENDING", """{"loanId":"l1","amount":5}"""),
            new DocumentPatch("loans", "l2", "alice", "PENDING", """{"loanId":"l2","amount":6}"""),
            new DocumentPatch("loans", "l3", "bob", "PENDING", """{"loanId":"l3"}""")));
        await Store.ApplyAsync(new LedgerPosition(2, 0), Documents(new DocumentPatch("loans", "l1", null, "ACTIVE", """{"status":"ACTIVE"}""")));

        var l1 = JsonNode.Parse((await Store.GetDocumentAsync("loans", "l1"))!)!;
        Assert.Equal(5, (int)l1["amount"]!);
        Assert.Equal("ACTIVE", (string)l1["status"]!);
        Assert.Null(await Store.GetDocumentAsync("loans", "missing"));

        var first = await Store.ListDocumentsAsync("loans", "alice", null, null, 1);
        Assert.Equal("l2", (string)JsonNode.Parse(first.Items.Single())!["loanId"]!);
        var second = await Store.ListDocumentsAsync("loans", "alice", null, first.NextCursor, 1);
        Assert.Equal("l1", (string)JsonNode.Parse(second.Items.Single())!["loanId"]!);
        Assert.Null(second.NextCursor);
        Assert.Equal(["l2"], (await Store.ListDocumentsAsync("loans", "alice", "PENDING", null, 10)).Items.Select(j => (string)JsonNode.Parse(j)!["loanId"]!));
        Assert.Single((await Store.ListDocumentsAsync("loans", "bob", null, null, 10)).Items);
    }

    [Fact]
    public async Task Counters_add_up_and_an_untouched_counter_is_zero()
    {
        await Store.ApplyAsync(new LedgerPosition(1, 0), new ReadModelChanges([], [], [new CounterDelta("users", 1), new CounterDelta("users", 2)]));
        await Store.ApplyAsync(new LedgerPosition(1, 0), new ReadModelChanges([], [], [new CounterDelta("users", 100)]));

        var counters = await Store.GetCountersAsync(["users", "loans"]);
        Assert.Equal(3, counters["users"]);
        Assert.Equal(0, counters["loans"]);
    }

    [Fact]
    public async Task Replacing_also_swaps_documents_and_counters()
    {
        await Store.ApplyAsync(new LedgerPosition(1, 0), new ReadModelChanges([], [new DocumentPatch("x", "stale", "p", null, "{}")], [new CounterDelta("n", 5)]));

        Assert.True(await Store.ReplaceAsync(new LedgerPosition(1, 0),
            [new ReadModelChanges([], [new DocumentPatch("x", "fresh", "p", null, "{}")], [new CounterDelta("n", 2)])]));

        Assert.Null(await Store.GetDocumentAsync("x", "stale"));
        Assert.NotNull(await Store.GetDocumentAsync("x", "fresh"));
        Assert.Equal(2, (await Store.GetCountersAsync(["n"]))["n"]);
    }
}

public sealed class InMemoryReadModelStoreTests : ReadModelStoreContractTests
{
    protected override IReadModelStore Store { get; } = new InMemoryReadModelStore();
}

[Trait("Category", "Slow")]
[Trait("Category", "Postgres")]
public sealed class PostgresReadModelStoreTests : ReadModelStoreContractTests, IAsyncLifetime
{
    private readonly PostgresStoreScope<PostgresReadModelStore> _postgres = new(connectionString => new PostgresReadModelStore(connectionString));

    protected override IReadModelStore Store => _postgres.Store;

    public Task InitializeAsync() => _postgres.InitializeAsync();

    public Task DisposeAsync() => _postgres.DisposeAsync();
}
