using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Outbox;
using GxProtocol.Silo.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace GxProtocol.Backend.Tests.Outbox;

/// <summary>One contract for every outbox store: the same tests run against memory and PostgreSQL.</summary>
public abstract class OutboxStoreContractTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly GrainId Origin = GrainId.Create("user", Guid.NewGuid().ToString("N"));

    protected abstract IOutboxStore Store { get; }

    private static OutboxRow NewRow(long shard, int secondsAfterStart) => new(
        new LedgerCommand(Guid.NewGuid(), "TokenomicsContract:TransferWithFees", ["a", "b", "1000"], Origin, Guid.NewGuid(), Start.AddSeconds(secondsAfterStart)),
        shard);

    /// <summary>Every stored field (records compare their argument lists by reference, which a database round trip changes).</summary>
    private static object Fields(OutboxRow? row) => row is null ? "null" : (row.ToStatus() with { AcceptedAt = row.Command.AcceptedAt.ToUniversalTime() },
        row.ConflictRetries, row.LastError, row.NextAttemptAt, row.DeadLettered, row.Command.Origin, string.Join("|", row.Command.Arguments));

    [Fact]
    public async Task A_command_is_added_once_and_a_repeat_gets_the_stored_row()
    {
        var row = NewRow(shard: 1, 0);
        Assert.Null(await Store.AddAsync(row));

        var repeat = await Store.AddAsync(row with { Attempts = 99 });

        Assert.Equal(Fields(row), Fields(repeat));
        Assert.Equal(Fields(row), Fields(await Store.GetAsync(row.CommandId)));
        Assert.Null(await Store.GetAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task A_shard_loads_its_unfinished_rows_in_acceptance_order_dead_letters_included()
    {
        var shard = Random.Shared.NextInt64(1_000, 1_000_000);
        var later = NewRow(shard, 20);
        var earlier = NewRow(shard, 10);
        var deadLetter = NewRow(shard, 30) with { DeadLettered = true, Attempts = 25, LastError = "unreachable" };
        var finished = NewRow(shard, 5);
        var elsewhere = NewRow(shard + 1, 1);
        foreach (var row in new[] { later, earlier, deadLetter, finished, elsewhere })
        {
            await Store.AddAsync(row);
        }
        await Store.UpdateAsync(finished with { State = CommandState.Committed, TransactionId = "tx", BlockNumber = 3, CompletedAt = Start });

        var unfinished = await Store.LoadUnfinishedAsync(shard);

        Assert.Equal([earlier.CommandId, later.CommandId, deadLetter.CommandId], unfinished.Select(r => r.CommandId));
        Assert.Equal(Fields(deadLetter), Fields(unfinished[2]));
    }

    [Fact]
    public async Task Retry_bookkeeping_and_the_final_status_are_stored_on_the_row()
    {
        var row = NewRow(shard: 2, 0);
        await Store.AddAsync(row);

        var conflicted = row with { Attempts = 2, ConflictRetries = 1, LastError = "read conflict", NextAttemptAt = Start.AddSeconds(1) };
        await Store.UpdateAsync(conflicted);
        Assert.Equal(Fields(conflicted), Fields(await Store.GetAsync(row.CommandId)));
        Assert.Equal($"{row.CommandId}:1", (await Store.GetAsync(row.CommandId))!.SubmissionId);

        var failed = conflicted with { State = CommandState.Failed, ErrorCode = "CHAINCODE_REJECTED", ErrorMessage = "frozen", CompletedAt = Start.AddSeconds(2) };
        await Store.UpdateAsync(failed);

        var status = (await Store.GetAsync(row.CommandId))!.ToStatus();
        Assert.Equal((CommandState.Failed, "CHAINCODE_REJECTED", 2L), (status.State, status.ErrorCode, status.OutboxShard!.Value));
        Assert.DoesNotContain(await Store.LoadUnfinishedAsync(2), r => r.CommandId == row.CommandId);
    }

    [Fact]
    public async Task A_dead_letter_is_stored_and_revived()
    {
        var row = NewRow(shard: 3, 0);
        await Store.AddAsync(row);
        await Store.UpdateAsync(row with { DeadLettered = true, Attempts = 25 });
        Assert.True((await Store.GetAsync(row.CommandId))!.DeadLettered);

        await Store.UpdateAsync(row with { DeadLettered = false, Attempts = 0 });

        Assert.Contains(await Store.LoadUnfinishedAsync(3), r => r.CommandId == row.CommandId && !r.DeadLettered);
    }

    [Fact]
    public async Task Updating_a_row_that_was_never_added_fails()
    {
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => Store.UpdateAsync(NewRow(shard: 4, 0)));
    }

    [Fact]
    public async Task Finished_rows_past_their_retention_are_purged_and_unfinished_ones_never()
    {
        var old = NewRow(shard: 5, 0);
        var recent = NewRow(shard: 5, 1);
        var unfinished = NewRow(shard: 5, 2);
        foreach (var row in new[] { old, recent, unfinished })
        {
            await Store.AddAsync(row);
        }
        await Store.UpdateAsync(old with { State = CommandState.Committed, CompletedAt = Start.AddHours(-25) });
        await Store.UpdateAsync(recent with { State = CommandState.Committed, CompletedAt = Start });

        Assert.True(await Store.PurgeFinishedAsync(Start.AddHours(-24)) >= 1);

        Assert.Null(await Store.GetAsync(old.CommandId));
        Assert.NotNull(await Store.GetAsync(recent.CommandId));
        Assert.NotNull(await Store.GetAsync(unfinished.CommandId));
    }

    [Fact]
    public async Task Concurrent_writes_of_many_commands_all_land()
    {
        var rows = Enumerable.Range(0, 500).Select(i => NewRow(shard: 6, i)).ToList();
        await Task.WhenAll(rows.Select(r => Store.AddAsync(r)));
        await Task.WhenAll(rows.Select(r => Store.UpdateAsync(r with { Attempts = 1 })));

        var loaded = await Store.LoadUnfinishedAsync(6);
        Assert.Equal(rows.Select(r => r.CommandId).ToHashSet(), loaded.Select(r => r.CommandId).ToHashSet());
        Assert.All(loaded, r => Assert.Equal(1, r.Attempts));
    }
}

public sealed class InMemoryOutboxStoreTests : OutboxStoreContractTests
{
    protected override IOutboxStore Store { get; } = new InMemoryOutboxStore();
}

[Trait("Category", "Slow")]
[Trait("Category", "Postgres")]
public sealed class PostgresOutboxStoreTests : OutboxStoreContractTests, IAsyncLifetime
{
    private readonly PostgresStoreScope<PostgresOutboxStore> _postgres = new(connectionString => new PostgresOutboxStore(connectionString,
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>()));

    protected override IOutboxStore Store => _postgres.Store;

    public Task InitializeAsync() => _postgres.InitializeAsync();

    public Task DisposeAsync() => _postgres.DisposeAsync();
}
