using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Users;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>The borrower's pre-checks (BorrowerLoans, which reuses GxRules.CheckLoanApplication) at their edges.</summary>
public sealed class LoanPreCheckTests
{
    private const long Coin = GxChaincode.QiratPerCoin;

    private static DomainRuleException Refused(BorrowerLoans loans, long amount, int trustScore) =>
        Assert.Throws<DomainRuleException>(() => loans.Reserve(Guid.NewGuid(), amount, trustScore));

    [Fact]
    public void Trust_74_is_forbidden_and_75_is_enough()
    {
        var refused = Refused(new BorrowerLoans(), 100 * Coin, 74);
        Assert.Equal(RuleViolationKind.Forbidden, refused.Kind);
        Assert.Equal("trust_score_too_low", refused.Code);
        Assert.True(new BorrowerLoans().Reserve(Guid.NewGuid(), 100 * Coin, 75));
    }

    [Theory]
    [InlineData(100 * Coin - 1, false)]
    [InlineData(100 * Coin, true)]
    [InlineData(1_000_000 * Coin, true)]
    [InlineData(1_000_000 * Coin + 1, false)]
    public void The_amount_must_be_between_100_and_1000000_coins(long amount, bool allowed)
    {
        if (allowed)
        {
            Assert.True(new BorrowerLoans().Reserve(Guid.NewGuid(), amount, 75));
            return;
        }
        var refused = Refused(new BorrowerLoans(), amount, 75);
        Assert.Equal(RuleViolationKind.Validation, refused.Kind);
        Assert.Equal("amount", refused.Field);
    }

    [Fact]
    public void Five_open_loans_are_allowed_and_a_sixth_conflicts()
    {
        var loans = new BorrowerLoans();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(loans.Reserve(Guid.NewGuid(), 100 * Coin, 75));
        }
        var refused = Refused(loans, 100 * Coin, 75);
        Assert.Equal(RuleViolationKind.Conflict, refused.Kind);
        Assert.Equal("too_many_open_loans", refused.Code);
    }

    [Fact]
    public void More_than_10M_outstanding_conflicts()
    {
        // Only reachable with interest (amount due above the amount): four loans owing 2.5M coins each.
        var loans = new BorrowerLoans();
        for (var i = 0; i < 4; i++)
        {
            loans.Outstanding[Guid.NewGuid()] = 2_500_000 * Coin - (i == 0 ? 100 * Coin : 0);
        }
        Assert.True(loans.Reserve(Guid.NewGuid(), 100 * Coin, 75));
        var refused = Refused(loans, 100 * Coin, 75);
        Assert.Equal("too_many_open_loans", refused.Code);

        var full = new BorrowerLoans();
        full.Outstanding[Guid.NewGuid()] = 10_000_000 * Coin;
        var over = Refused(full, 100 * Coin, 75);
        Assert.Equal(RuleViolationKind.Conflict, over.Kind);
        Assert.Equal("outstanding_limit_exceeded", over.Code);
    }

    [Fact]
    public void A_repeated_reservation_of_the_same_loan_counts_once()
    {
        var loans = new BorrowerLoans();
        var loanId = Guid.NewGuid();
        Assert.True(loans.Reserve(loanId, 100 * Coin, 75));
        Assert.False(loans.Reserve(loanId, 100 * Coin, 75));
        Assert.Single(loans.Outstanding);
    }
}
