using GxProtocol.Backend.Tests.Support;
using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Backend.Tests.Outbox;

/// <summary>A hold lasts exactly as long as its command: released when it finishes, however the outbox learns of it.</summary>
public sealed class HoldReleaseTests(MemoryLedgerClusterFixture fixture) : IClassFixture<MemoryLedgerClusterFixture>
{
    private const long Coin = GrainJourney.Coin;

    [Fact]
    public async Task A_hold_is_released_when_its_command_is_recognised_as_committed_through_DUPLICATE_TXID()
    {
        var journey = new GrainJourney(fixture.Client);
        await journey.BootstrapAsync();
        var sender = await journey.ActiveUserAsync("MY");
        var recipient = await journey.ActiveUserAsync("MY");
        var commandId = Guid.NewGuid();

        // The transaction reaches the ledger before the sender's grain has the command (as after a crash that lost the
        // acceptance's answer): its event is applied to a wallet with nothing pending.
        using var ledger = fixture.Ledger.ConnectClient();
        await ledger.SubmitAsync(commandId.ToString(), GxChaincode.Tokenomics.TransferWithFees,
            [sender.GetPrimaryKey().ToString(), recipient.GetPrimaryKey().ToString(), (10 * Coin).ToString(), "first", commandId.ToString()]);
        var paidOnce = 490 * Coin - 2_500;
        await Eventually.MatchesAsync(() => sender.GetWalletAsync(), w => w.Balance == paidOnce, "the direct transfer's event on the sender");

        // The same command accepted now: the outbox's submission meets DUPLICATE_TXID and looks the first commit up.
        var accepted = await sender.TransferAsync(new TransferRequest(commandId, recipient.GetPrimaryKey(), 10 * Coin, "first"));
        var status = await journey.WaitFinishedAsync(accepted.CommandId, TimeSpan.FromSeconds(30));

        Assert.Equal(CommandState.Committed, status.State);
        await Eventually.MatchesAsync(() => sender.GetWalletAsync(), w => w.PendingHolds == 0 && w.Balance == paidOnce,
            "the hold released and the transfer paid once");
    }

    [Fact]
    public async Task A_repeat_of_a_finished_command_answers_its_status_and_holds_nothing()
    {
        var journey = new GrainJourney(fixture.Client);
        await journey.BootstrapAsync();
        var sender = await journey.ActiveUserAsync("MY");
        var recipient = await journey.ActiveUserAsync("MY");
        var transfer = new TransferRequest(Guid.NewGuid(), recipient.GetPrimaryKey(), 400 * Coin, "most of it");
        await journey.WaitCommittedAsync(await sender.TransferAsync(transfer));

        // Funds no longer cover it: only recognising the command by its row answers COMMITTED instead of 422.
        var repeat = await sender.TransferAsync(transfer);

        Assert.Equal(CommandState.Committed, repeat.Status);
        var wallet = await sender.GetWalletAsync();
        Assert.Equal(0, wallet.PendingHolds);
    }
}
