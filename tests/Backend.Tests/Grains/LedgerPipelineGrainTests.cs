using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Backend.Tests.Grains;

/// <summary>The journey's grains on TestingHost: system bootstrap, user approval, transfers, through the real ledger.</summary>
public abstract class LedgerPipelineGrainTests(LedgerClusterFixture fixture)
{
    private const long Coin = GrainJourney.Coin;
    private readonly GrainJourney _journey = new(fixture.Client);
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task Transfers_commit_once_each_through_read_conflicts_and_conserve_money()
    {
        await _journey.BootstrapAsync();
        var users = new List<IUserGrain>();
        for (var i = 0; i < 4; i++)
        {
            users.Add(await _journey.ActiveUserAsync("MY"));
        }
        var recipient = users[0];
        var senders = users.Skip(1).ToList();

        // Every sender pays the same recipient in the same blocks: their writes to its wallet conflict, and each
        // conflicted transaction must be retried under a fresh transaction id rather than failed or applied twice.
        fixture.Ledger.Host.Ledger.Options.Faults.MvccConflictRate = 0.3;
        try
        {
            var commands = new List<Guid>();
            foreach (var round in Enumerable.Range(0, 3))
            {
                var accepted = await Task.WhenAll(senders.Select(s =>
                    s.TransferAsync(new TransferRequest(Guid.NewGuid(), recipient.GetPrimaryKey(), 10 * Coin, $"round {round}"))));
                commands.AddRange(accepted.Select(a => a.CommandId));
            }
            foreach (var commandId in commands)
            {
                var status = await Client.GetGrain<ICommandGrain>(commandId).WaitUntilFinishedAsync(TimeSpan.FromSeconds(30));
                Assert.True(status is { State: CommandState.Committed }, $"command {commandId}: {status}");
            }
        }
        finally
        {
            fixture.Ledger.Host.Ledger.Options.Faults.MvccConflictRate = 0;
        }

        // 9 transfers of 10 coins, same country: 5 bps = 0.005 coins each, split 50/50.
        var recipientWallet = await Eventually.MatchesAsync(() => recipient.GetWalletAsync(),
            w => w.Balance == 500 * Coin + 9 * (10 * Coin - 2_500), "the recipient to receive nine transfers once each");
        Assert.Equal(0, recipientWallet.PendingHolds);
        foreach (var sender in senders)
        {
            var wallet = await Eventually.MatchesAsync(() => sender.GetWalletAsync(),
                w => w.Balance == 500 * Coin - 3 * (10 * Coin + 2_500) && w.PendingHolds == 0, "each sender to pay three transfers once each");
            Assert.Equal(wallet.Balance, wallet.Available);
        }
    }

    [Fact]
    public async Task A_rebuild_from_block_zero_finds_lost_read_models_and_restores_them()
    {
        await _journey.BootstrapAsync();
        var sender = await _journey.ActiveUserAsync("MY");
        var recipient = await _journey.ActiveUserAsync("DE");
        await _journey.WaitCommittedAsync(await sender.TransferAsync(new TransferRequest(Guid.NewGuid(), recipient.GetPrimaryKey(), 7 * Coin, "")));
        var rebuild = Client.GetGrain<IReadModelRebuildGrain>(0);
        await Eventually.MatchesAsync(() => rebuild.RebuildAsync(replace: false), r => r.Differences.Count == 0 && r.WalletsCompared >= 2,
            "the replayed ledger to agree with the read models and grains");

        Assert.True(await fixture.ReadModels.ReplaceAsync(await fixture.ReadModels.GetCheckpointAsync(), []));
        var lost = await rebuild.RebuildAsync(replace: false);
        Assert.Contains(lost.Differences, d => d.StartsWith("read model") && d.Contains(sender.GetPrimaryKey().ToString()));
        Assert.DoesNotContain(lost.Differences, d => d.StartsWith("grain"));

        var restored = await rebuild.RebuildAsync(replace: true);
        Assert.True(restored.Replaced);
        Assert.Empty((await rebuild.RebuildAsync(replace: false)).Differences);
        var newest = (await fixture.ReadModels.GetWalletTransactionsAsync(recipient.GetPrimaryKey(), null, 1)).Items.Single();
        Assert.Equal(WalletTransactionKinds.TransferIn, newest.Kind);
    }

    [Fact]
    public async Task A_transfer_beyond_the_available_balance_is_refused_before_the_ledger()
    {
        await _journey.BootstrapAsync();
        var sender = await _journey.ActiveUserAsync("MY");
        var recipient = await _journey.ActiveUserAsync("DE");

        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() =>
            sender.TransferAsync(new TransferRequest(Guid.NewGuid(), recipient.GetPrimaryKey(), 500 * Coin, "")));
        Assert.Equal("insufficient_funds", refusal.Code);
        Assert.Equal("amount", refusal.Field);
        Assert.Equal(0, (await sender.GetWalletAsync()).PendingHolds);

        // The same command id twice is one command: the second call only reports it.
        var transfer = new TransferRequest(Guid.NewGuid(), recipient.GetPrimaryKey(), 100 * Coin, "twice");
        var first = await sender.TransferAsync(transfer);
        var second = await sender.TransferAsync(transfer);
        Assert.Equal(first.CommandId, second.CommandId);
        Assert.Equal(CommandState.Committed, (await Client.GetGrain<ICommandGrain>(first.CommandId).WaitUntilFinishedAsync(TimeSpan.FromSeconds(30)))!.State);
        // Cross-border, 100 coins: 15 bps = 0.15 coins, the sender pays half.
        await Eventually.MatchesAsync(() => sender.GetWalletAsync(), w => w.Balance == 400 * Coin - 75_000 && w.PendingHolds == 0,
            "the sender to pay the transfer exactly once");

        // A retry long after the commit (its idempotency record gone) reports the command and holds nothing.
        var late = await sender.TransferAsync(transfer);
        Assert.Equal(CommandState.Committed, late.Status);
        var wallet = await sender.GetWalletAsync();
        Assert.Equal((400 * Coin - 75_000, 0L), (wallet.Balance, wallet.PendingHolds));
    }
}

public sealed class MemoryLedgerPipelineGrainTests(MemoryLedgerClusterFixture fixture)
    : LedgerPipelineGrainTests(fixture), IClassFixture<MemoryLedgerClusterFixture>;

[Trait("Category", "Slow")]
[Trait("Category", "Postgres")]
public sealed class PostgresLedgerPipelineGrainTests(PostgresLedgerClusterFixture fixture)
    : LedgerPipelineGrainTests(fixture), IClassFixture<PostgresLedgerClusterFixture>;
