using GxProtocol.Backend.Tests.Support;
using GxProtocol.Contract;
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
    private readonly GrainJourney _journey = new(fixture.Client);
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task A_repayment_while_the_ledger_is_paused_is_refused_and_holds_nothing_afterwards()
    {
        var (borrower, loan) = await ActiveLoanAsync(200);

        await SubmitOnLedgerAsync(GxChaincode.Admin.PauseSystem, "loan refusal test");
        try
        {
            var repayment = await loan.RepayAsync(borrower.GetPrimaryKey(), Guid.NewGuid(), 50 * Coin);
            Assert.Equal(CommandState.Failed, (await _journey.WaitFinishedAsync(repayment.CommandId, TimeSpan.FromSeconds(60))).State);
        }
        catch (DomainRuleException paused)
        {
            // Once the system grain follows the pause, the grain refuses before the ledger does.
            Assert.Equal("system_paused", paused.Code);
        }
        finally
        {
            await SubmitOnLedgerAsync(GxChaincode.Admin.ResumeSystem);
        }

        var wallet = await Eventually.MatchesAsync(() => borrower.GetWalletAsync(), w => w.PendingHolds == 0, "the repayment hold to be released");
        Assert.Equal(700 * Coin, wallet.Balance);
        var view = await loan.GetAsync();
        Assert.Equal((GxStatuses.LoanActive, 0L, 0L), (view!.Status, view.TotalRepaid, view.PendingRepayments));
    }

    [Fact]
    public async Task A_loan_to_a_frozen_wallet_is_not_approved_until_the_wallet_is_unfrozen()
    {
        var (borrower, loan, loanId) = await PendingLoanAsync(150);
        var borrowerId = borrower.GetPrimaryKey().ToString();

        await SubmitOnLedgerAsync(GxChaincode.Tokenomics.FreezeWallet, borrowerId, "investigation");
        await Eventually.MatchesAsync(() => borrower.GetWalletAsync(), w => w.Frozen, "the borrower's grain to see the freeze");
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => loan.ApproveAsync(Guid.NewGuid(), Guid.NewGuid()));
        Assert.Equal("wallet_frozen", refused.Code);

        await SubmitOnLedgerAsync(GxChaincode.Tokenomics.UnfreezeWallet, borrowerId);
        await Eventually.MatchesAsync(() => borrower.GetWalletAsync(), w => !w.Frozen, "the borrower's grain to see the unfreeze");
        await _journey.WaitCommittedAsync(await loan.ApproveAsync(Guid.NewGuid(), Guid.NewGuid()));
        await Eventually.MatchesAsync(() => borrower.GetWalletAsync(), w => w.Balance == 650 * Coin, $"loan {loanId} to be paid out");
    }

    private async Task<(IUserGrain Borrower, ILoanGrain Loan)> ActiveLoanAsync(long coins)
    {
        var (borrower, loan, _) = await PendingLoanAsync(coins);
        await _journey.WaitCommittedAsync(await loan.ApproveAsync(Guid.NewGuid(), Guid.NewGuid()));
        await Eventually.MatchesAsync(() => borrower.GetWalletAsync(), w => w.Balance == (500 + coins) * Coin, "the loan to be paid out");
        await Eventually.MatchesAsync(() => loan.GetAsync(), l => l?.Status == GxStatuses.LoanActive, "the loan to be ACTIVE");
        return (borrower, loan);
    }

    /// <summary>A borrower with trust 75 (base 10, father 30, spouse 25, business 10) and a committed application of <paramref name="coins"/>.</summary>
    private async Task<(IUserGrain Borrower, ILoanGrain Loan, Guid LoanId)> PendingLoanAsync(long coins)
    {
        await _journey.BootstrapAsync();
        var borrower = await _journey.ActiveUserAsync("MY");
        var borrowerId = borrower.GetPrimaryKey();
        await LinkAsync(borrowerId, RelationshipTypes.Father);
        await LinkAsync(borrowerId, RelationshipTypes.Spouse);
        await LinkAsync(borrowerId, RelationshipTypes.BusinessPartner);
        Assert.Equal(75, (await borrower.GetTrustScoreAsync()).Score);

        var applied = await Client.GetGrain<ILoanDeskGrain>(0).ApplyAsync(new LoanApplication(Guid.NewGuid(), borrowerId, coins * Coin, new string('d', 64), null));
        var loan = Client.GetGrain<ILoanGrain>(ILoanGrain.KeyFor(applied.LoanId));
        await _journey.WaitCommittedAsync(applied.Command);
        await Eventually.MatchesAsync(() => loan.GetAsync(), l => l?.Status == GxStatuses.LoanPendingApproval, "the application on chain");
        return (borrower, loan, applied.LoanId);
    }

    private async Task LinkAsync(Guid userId, string type)
    {
        // Only users the ledger registered may vouch for each other.
        var partner = await _journey.ActiveUserAsync("MY");
        var link = Client.GetGrain<IRelationshipGrain>(IRelationshipGrain.IdFor(userId, partner.GetPrimaryKey()));
        await link.RequestAsync(userId, partner.GetPrimaryKey(), type);
        await link.ConfirmAsync(partner.GetPrimaryKey());
    }

    /// <summary>Submits an operator's transaction through the outbox, behind the loan and user grains' backs.</summary>
    private async Task SubmitOnLedgerAsync(string transactionName, params string[] arguments)
    {
        var command = new LedgerCommand(Guid.NewGuid(), transactionName, arguments,
            Client.GetGrain<ISystemGrain>(ISystemGrain.Key).GetGrainId(), null, DateTimeOffset.UtcNow);
        await Client.GetGrain<IOutboxGrain>(0).EnqueueAsync(command);
        await _journey.WaitCommittedAsync(new CommandAccepted(command.CommandId, CommandState.Pending));
    }
}
