using GxProtocol.Backend.Tests.Support;
using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Outbox;
using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Backend.Tests.Grains;

/// <summary>A command the ledger keeps refusing is dead-lettered; an operator retries it (it commits once) or cancels it (holds released).</summary>
[Trait("Category", "Slow")]
[Trait("Category", "Waits")]
public sealed class OutboxDeadLetterTests(ImpatientOutboxClusterFixture fixture) : IClassFixture<ImpatientOutboxClusterFixture>
{
    private const long Coin = GrainJourney.Coin;

    [Fact]
    public async Task Dead_letters_are_retried_or_cancelled_by_an_operator()
    {
        var journey = new GrainJourney(fixture.Client);
        await journey.BootstrapAsync();
        var sender = await journey.ActiveUserAsync("MY");
        var recipient = await journey.ActiveUserAsync("MY");
        var admin = fixture.Client.GetGrain<IOutboxAdminGrain>(0);

        fixture.Ledger.Host.Ledger.Faults.RefuseCallsFor(TimeSpan.FromMinutes(5));
        var toRetry = await sender.TransferAsync(new TransferRequest(Guid.NewGuid(), recipient.GetPrimaryKey(), 10 * Coin, "retry me"));
        var toCancel = await sender.TransferAsync(new TransferRequest(Guid.NewGuid(), recipient.GetPrimaryKey(), 20 * Coin, "cancel me"));
        await Eventually.MatchesAsync(() => admin.GetOverviewAsync(), o => o.DeadLettered.Count == 2, "both transfers to be dead-lettered");
        Assert.False(await admin.RetryAsync(Guid.NewGuid()));

        // Whether an earlier attempt committed after all only the ledger can say: no answer, no cancellation.
        var unconfirmed = await Assert.ThrowsAsync<DomainRuleException>(() => admin.CancelAsync(toCancel.CommandId, "operator decided"));
        Assert.Equal("ledger_unreachable", unconfirmed.Code);

        fixture.Ledger.Host.Ledger.Faults.RefuseCallsFor(TimeSpan.Zero);
        Assert.True(await admin.CancelAsync(toCancel.CommandId, "operator decided"));
        var cancelled = await fixture.Client.GetGrain<ICommandGrain>(toCancel.CommandId).GetAsync();
        Assert.Equal((CommandState.Failed, "CANCELLED"), (cancelled!.State, cancelled.ErrorCode));
        Assert.False(await admin.CancelAsync(toCancel.CommandId, "twice"));

        Assert.True(await admin.RetryAsync(toRetry.CommandId));
        await journey.WaitCommittedAsync(toRetry);

        // 10 coins, same country: 5 bps = 0.005 coins, half from the sender; the cancelled 20 coins never left.
        await Eventually.MatchesAsync(() => sender.GetWalletAsync(), w => w.Balance == 490 * Coin - 2_500 && w.PendingHolds == 0,
            "the retried transfer to be paid once and the cancelled one's hold released");
        // The outbox finishes its bookkeeping after the commit that the wallet shows: await it rather than race it.
        await Eventually.MatchesAsync(() => admin.GetOverviewAsync(), o => o.TotalDepth == 0, "the outbox queues to drain");
    }

    [Fact]
    public async Task Cancelling_a_dead_letter_the_ledger_committed_after_all_finishes_it_as_committed()
    {
        var journey = new GrainJourney(fixture.Client);
        await journey.BootstrapAsync();
        var sender = await journey.ActiveUserAsync("MY");
        var recipient = await journey.ActiveUserAsync("MY");
        var admin = fixture.Client.GetGrain<IOutboxAdminGrain>(0);

        fixture.Ledger.Host.Ledger.Faults.RefuseCallsFor(TimeSpan.FromMinutes(5));
        var commandId = Guid.NewGuid();
        await sender.TransferAsync(new TransferRequest(commandId, recipient.GetPrimaryKey(), 10 * Coin, "lost answer"));
        await Eventually.MatchesAsync(() => admin.GetOverviewAsync(), o => o.DeadLettered.Any(d => d.CommandId == commandId), "the transfer to be dead-lettered");
        fixture.Ledger.Host.Ledger.Faults.RefuseCallsFor(TimeSpan.Zero);

        // The same transaction id as the outbox's attempts: what an attempt whose answer was lost would have committed.
        using var ledger = fixture.Ledger.ConnectClient();
        await ledger.SubmitAsync(commandId.ToString(), GxChaincode.Tokenomics.TransferWithFees,
            [sender.GetPrimaryKey().ToString(), recipient.GetPrimaryKey().ToString(), (10 * Coin).ToString(), "lost answer", commandId.ToString()]);

        Assert.True(await admin.CancelAsync(commandId, "operator thinks it never ran"));
        var status = await fixture.Client.GetGrain<ICommandGrain>(commandId).GetAsync();
        Assert.Equal(CommandState.Committed, status!.State);
        await Eventually.MatchesAsync(() => sender.GetWalletAsync(), w => w.Balance == 490 * Coin - 2_500 && w.PendingHolds == 0,
            "the transfer paid once and its hold released");
    }

    [Fact]
    public async Task A_transaction_the_ledger_refuses_fails_the_command_with_its_reason_and_releases_the_hold()
    {
        var journey = new GrainJourney(fixture.Client);
        await journey.BootstrapAsync();
        var sender = await journey.ActiveUserAsync("MY");
        var recipient = await journey.ActiveUserAsync("MY");

        fixture.Ledger.Host.Ledger.Options.Faults.EndorsementPolicyFailureRate = 1;
        try
        {
            var refused = await sender.TransferAsync(new TransferRequest(Guid.NewGuid(), recipient.GetPrimaryKey(), 10 * Coin, "refused"));
            var status = await journey.WaitFinishedAsync(refused.CommandId, TimeSpan.FromSeconds(30));
            Assert.Equal(CommandState.Failed, status.State);
            Assert.Equal("TX_10", status.ErrorCode);
            Assert.False(string.IsNullOrEmpty(status.ErrorMessage));
        }
        finally
        {
            fixture.Ledger.Host.Ledger.Options.Faults.EndorsementPolicyFailureRate = 0;
        }
        await Eventually.MatchesAsync(() => sender.GetWalletAsync(), w => w.PendingHolds == 0 && w.Balance == 500 * Coin,
            "the refused transfer's hold to be released with nothing paid");
    }

    [Fact]
    public async Task A_chaincode_rejection_fails_the_command_with_the_chaincode_message_and_releases_the_hold()
    {
        var journey = new GrainJourney(fixture.Client);
        await journey.BootstrapAsync();
        var sender = await journey.ActiveUserAsync("MY");
        var recipient = await journey.ActiveUserAsync("MY");

        // The recipient frozen on the ledger directly: the sender's grain does not see the recipient's frozen flag, so
        // its pre-checks pass and the chaincode refuses. (A pause no longer works here: the grains pre-check it.)
        using var ledger = fixture.Ledger.ConnectClient();
        await ledger.SubmitAsync(Guid.NewGuid().ToString(), GxChaincode.Tokenomics.FreezeWallet, [recipient.GetPrimaryKey().ToString(), "test"]);
        try
        {
            var refused = await sender.TransferAsync(new TransferRequest(Guid.NewGuid(), recipient.GetPrimaryKey(), 10 * Coin, "to a frozen wallet"));
            var status = await journey.WaitFinishedAsync(refused.CommandId, TimeSpan.FromSeconds(30));
            Assert.Equal((CommandState.Failed, "CHAINCODE_REJECTED"), (status.State, status.ErrorCode));
            Assert.Contains("frozen", status.ErrorMessage, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await ledger.SubmitAsync(Guid.NewGuid().ToString(), GxChaincode.Tokenomics.UnfreezeWallet, [recipient.GetPrimaryKey().ToString()]);
        }
        await Eventually.MatchesAsync(() => sender.GetWalletAsync(), w => w.PendingHolds == 0 && w.Balance == 500 * Coin,
            "the refused transfer's hold to be released with nothing paid");
    }
}
