using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Users;

namespace GxProtocol.Backend.Tests.Grains;

/// <summary>A committed repayment releases the hold of the command it names, even beside another of the same amount.</summary>
public sealed class BorrowerLoansTests
{
    [Fact]
    public void The_repayment_named_by_the_event_is_the_one_released()
    {
        var userId = Guid.NewGuid();
        var loanId = Guid.NewGuid();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var user = new UserState { Balance = 1_000 };
        var loans = new BorrowerLoans();
        Assert.True(loans.HoldRepayment(user, 0, loanId, first, 100));
        Assert.True(loans.HoldRepayment(user, 0, loanId, second, 100));

        var repaid = new LoanRepaid(loanId.ToString(), userId.ToString(), 100, 100, 900, GxStatuses.LoanActive,
            [new AccountBalance(userId.ToString(), 900)], second.ToString());
        loans.Apply(user, userId, new LedgerEventEnvelope(new LedgerPosition(3, 0), "tx-3", nameof(LoanRepaid), LedgerEventJson.Serialize(repaid), DateTimeOffset.UnixEpoch));

        Assert.Equal([first], user.Holds.Keys);
        Assert.Equal([first], loans.RepaymentHolds.Keys);
    }
}
