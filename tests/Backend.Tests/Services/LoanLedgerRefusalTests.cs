using GxProtocol.Backend.Tests.Grains;
using GxProtocol.Backend.Tests.Support;
using GxProtocol.Fabric.Contract;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Loans;
using GxProtocol.Grains.Interfaces.Outbox;
using GxProtocol.Grains.Interfaces.System;
using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>Loan grains against a real ledger, where the ledger refuses what the grains let through.</summary>
public sealed class LoanLedgerRefusalTests(MemoryLedgerClusterFixture fixture) : IClassFixture<MemoryLedgerClusterFixture>
{
    private const long Coin = GrainJourney.Coin;
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task A_repayment_while_the_ledger_is_paused_is_refused_and_holds_nothing_afterwards()
    {
        var journey = new GrainJourney(Client);
        await journey.BootstrapAsync();
        var borrower = await journey.ActiveUserAsync("MY");
        var borrowerId = borrower.GetPrimaryKey();
        await LinkAsync(borrowerId, RelationshipTypes.Family);
        await LinkAsync(borrowerId, RelationshipTypes.Business);
        Assert.Equal(75, (await borrower.GetTrustScoreAsync()).Score);

        var applied = await Client.GetGrain<ILoanDeskGrain>(0).ApplyAsync(new LoanApplication(Guid.NewGuid(), borrowerId, 200 * Coin, new string('d', 64), null));
        var loan = Client.GetGrain<ILoanGrain>(ILoanGrain.KeyFor(applied.LoanId));
        await journey.WaitCommittedAsync(applied.Command);
        await journey.WaitCommittedAsync(await loan.ApproveAsync(Guid.NewGuid(), Guid.NewGuid()));
        await Eventually.MatchesAsync(() => borrower.GetWalletAsync(), w => w.Balance == 700 * Coin, "the loan to be paid out");
        await Eventually.MatchesAsync(() => loan.GetAsync(), l => l?.Status == GxStatuses.LoanActive, "the loan to be ACTIVE");

        await PauseLedgerAsync(journey);
        try
        {
            var repayment = await loan.RepayAsync(borrowerId, Guid.NewGuid(), 50 * Coin);
            Assert.Equal(CommandState.Failed, (await journey.WaitFinishedAsync(repayment.CommandId, TimeSpan.FromSeconds(60))).State);
        }
        catch (DomainRuleException paused)
        {
            // Once the system grain follows the pause, the grain refuses before the ledger does.
            Assert.Equal("system_paused", paused.Code);
        }

        var wallet = await Eventually.MatchesAsync(() => borrower.GetWalletAsync(), w => w.PendingHolds == 0, "the repayment hold to be released");
        Assert.Equal(700 * Coin, wallet.Balance);
        var view = await loan.GetAsync();
        Assert.Equal((GxStatuses.LoanActive, 0L, 0L), (view!.Status, view.TotalRepaid, view.PendingRepayments));
    }

    private async Task LinkAsync(Guid userId, string type)
    {
        var partner = Client.GetGrain<IUserGrain>(Guid.NewGuid());
        await partner.RegisterAsync(new RegisterUser($"{partner.GetPrimaryKey()}@gx.test", "hash", "P", "Q", null, null, "MY", new DateOnly(1990, 1, 1)));
        var link = Client.GetGrain<IRelationshipGrain>(IRelationshipGrain.IdFor(userId, partner.GetPrimaryKey()));
        await link.RequestAsync(userId, partner.GetPrimaryKey(), type);
        await link.ConfirmAsync(partner.GetPrimaryKey());
    }

    /// <summary>Pauses the ledger through the outbox directly, as an operator's command the grains have no route for.</summary>
    private async Task PauseLedgerAsync(GrainJourney journey)
    {
        var pause = new LedgerCommand(Guid.NewGuid(), GxChaincode.Admin.PauseSystem, ["loan refusal test"],
            Client.GetGrain<ISystemGrain>(ISystemGrain.Key).GetGrainId(), null, DateTimeOffset.UtcNow);
        await Client.GetGrain<ICommandGrain>(pause.CommandId).RecordAcceptedAsync(pause, 0);
        await Client.GetGrain<IOutboxGrain>(0).EnqueueAsync(pause);
        await journey.WaitCommittedAsync(new CommandAccepted(pause.CommandId, CommandState.Pending));
    }
}
