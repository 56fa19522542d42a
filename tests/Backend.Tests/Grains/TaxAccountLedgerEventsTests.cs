using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Ledger;
using GxProtocol.Grains.Tax;
using Orleans.BroadcastChannel;

namespace GxProtocol.Backend.Tests.Grains;

/// <summary>A loan repayment restarts the borrower's velocity-tax clock, as the ledger does.</summary>
public sealed class TaxAccountLedgerEventsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static LedgerEventEnvelope Repaid(string borrowerId) => new(new LedgerPosition(7, 0), "tx-7", nameof(LoanRepaid),
        LedgerEventJson.Serialize(new LoanRepaid(Guid.NewGuid().ToString(), borrowerId, 10, 10, 0, GxStatuses.LoanRepaid, [new AccountBalance(borrowerId, 5)])), At);

    [Fact]
    public void A_repayment_restarts_the_borrowers_idle_clock_only()
    {
        var borrower = Guid.NewGuid().ToString();
        var state = new TaxAccountState();
        var other = new TaxAccountState();

        TaxAccountLedgerEvents.Apply(state, borrower, Repaid(borrower));
        TaxAccountLedgerEvents.Apply(other, Guid.NewGuid().ToString(), Repaid(borrower));

        Assert.Equal(At, state.LastOutgoingAt);
        Assert.Null(other.LastOutgoingAt);
    }

    [Fact]
    public void A_repayment_reaches_the_borrowers_tax_account()
    {
        var borrower = Guid.NewGuid().ToString();

        Assert.Contains(ChannelId.Create(LedgerChannels.TaxAccounts, borrower), LedgerEventRouting.ChannelsFor(Repaid(borrower)));
    }
}
