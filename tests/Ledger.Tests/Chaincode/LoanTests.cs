using GxProtocol.Contract;
using GxProtocol.DevLedger.Chaincode;
using static GxProtocol.Ledger.Tests.Chaincode.ChaincodeHarness;
using LoanPool = GxProtocol.Contract.GxChaincode.LoanPool;

namespace GxProtocol.Ledger.Tests.Chaincode;

public sealed class LoanTests
{
    private const string Collateral = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private readonly ChaincodeHarness _ledger = new ChaincodeHarness().Bootstrapped(("US", 10m));

    public LoanTests() => _ledger.CreateUser("alice");

    private ChaincodeResponse Apply(long amount, int trust = 80, string borrower = "alice") =>
        _ledger.Invoke(LoanPool.ApplyForLoan, borrower, Qirat(amount), Collateral, trust.ToString());

    [Theory]
    [InlineData(99_999_999, 80, 400)]
    [InlineData(100_000_000, 80, 200)]
    [InlineData(1_000_000_000_000, 80, 200)]
    [InlineData(1_000_000_000_001, 80, 400)]
    [InlineData(100_000_000, 74, 403)]
    [InlineData(100_000_000, 75, 200)]
    public void Amount_and_trust_score_edges(long amount, int trust, int expectedStatus) =>
        Assert.Equal(expectedStatus, Apply(amount, trust).Status);

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(4, 0, null)]
    [InlineData(5, 0, "TOO_MANY_OPEN_LOANS")]
    [InlineData(0, 9_999_900_000_000, null)]                // 9,999,900 + 100 coins = exactly 10M
    [InlineData(0, 9_999_900_000_001, "OUTSTANDING_LIMIT_EXCEEDED")]
    public void Per_borrower_limits(int openLoans, long outstanding, string? expectedCode) =>
        Assert.Equal(expectedCode, GxRules.CheckLoanApplication(100 * Coin, 75, openLoans, outstanding)?.Code);

    [Fact]
    public void A_sixth_open_loan_is_refused_and_a_closed_one_frees_a_slot()
    {
        var ids = Enumerable.Range(0, 5).Select(_ => _ledger.Submit<LoanApplicationReceived>(
            LoanPool.ApplyForLoan, "alice", Qirat(100 * Coin), Collateral, "90").LoanId).ToList();
        Assert.Equal(5, ids.Distinct().Count());
        Assert.Equal(409, Apply(100 * Coin).Status);

        _ledger.Submit<LoanRejected>(LoanPool.RejectLoan, ids[0], "insufficient collateral");
        Assert.Equal(200, Apply(100 * Coin).Status);
    }

    /// <summary>
    /// Five loans of at most 1M coins cannot exceed 10M outstanding, so the chaincode check is exercised with a
    /// borrower whose open loans already fill the rule: the limit is asserted at the rule level above and here the
    /// counters the chaincode keeps for it are checked to follow apply / reject.
    /// </summary>
    [Fact]
    public void Max_sized_loans_are_accepted_up_to_the_open_loan_limit()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(200, Apply(1_000_000 * Coin).Status);
        }

        var refused = Apply(100 * Coin);
        Assert.Equal(409, refused.Status);
        Assert.Contains("at most 5 open loans", refused.Message);
    }

    [Fact]
    public void Loan_lifecycle_disburses_from_and_repays_into_the_loan_pool()
    {
        var applied = _ledger.Submit<LoanApplicationReceived>(LoanPool.ApplyForLoan, "alice", Qirat(1_000 * Coin), Collateral, "75", "30");
        Assert.Equal((GxStatuses.LoanPendingApproval, 1_000 * Coin, 30), (applied.Status, applied.AmountDue, applied.TermDays));
        _ledger.Refused(409, LoanPool.RepayLoan, applied.LoanId, Qirat(Coin));

        _ledger.Role = CallerRoles.Admin;
        var approved = _ledger.Submit<LoanApproved>(LoanPool.ApproveLoan, applied.LoanId);
        Assert.Equal(Genesis.AddDays(30), approved.DueAt);
        var afterDisbursal = approved.Balances.ToDictionary(b => b.Account, b => b.Balance);
        Assert.Equal(1_500 * Coin, afterDisbursal["alice"]);
        Assert.Equal(312_500_000_000L * Coin - 1_000 * Coin, afterDisbursal[GxSupply.LoanPool]);
        _ledger.Refused(409, LoanPool.ApproveLoan, applied.LoanId);

        _ledger.Role = CallerRoles.PartnerApi;
        var partial = _ledger.Submit<LoanRepaid>(LoanPool.RepayLoan, applied.LoanId, Qirat(400 * Coin));
        Assert.Equal((GxStatuses.LoanActive, 600 * Coin), (partial.Status, partial.Remaining));
        _ledger.Refused(400, LoanPool.RepayLoan, applied.LoanId, Qirat(600 * Coin + 1));
        var full = _ledger.Submit<LoanRepaid>(LoanPool.RepayLoan, applied.LoanId, Qirat(600 * Coin));
        Assert.Equal((GxStatuses.LoanRepaid, 0L, 1_000 * Coin), (full.Status, full.Remaining, full.TotalRepaid));
        Assert.Equal(312_500_000_000L * Coin, full.Balances.Single(b => b.Account == GxSupply.LoanPool).Balance);
        Assert.Equal(GxSupply.TotalSupplyQirat, _ledger.SumOfBalances());
    }

    [Fact]
    public void Approval_and_rejection_need_an_administrator()
    {
        var loanId = _ledger.Submit<LoanApplicationReceived>(LoanPool.ApplyForLoan, "alice", Qirat(100 * Coin), Collateral, "80").LoanId;
        _ledger.Role = CallerRoles.PartnerApi;
        _ledger.Refused(403, LoanPool.ApproveLoan, loanId);
        _ledger.Refused(403, LoanPool.RejectLoan, loanId, "no");
        _ledger.Refused(404, LoanPool.RepayLoan, "no-such-loan", Qirat(Coin));
    }

    [Theory]
    [InlineData("nobody", "100000000", Collateral, "80", 404)]
    [InlineData("alice", "100000000", "xyz", "80", 400)]
    [InlineData("alice", "100000000", Collateral, "101", 400)]
    [InlineData("alice", "100000000", Collateral, "eighty", 400)]
    public void Bad_applications_are_refused(string borrower, string amount, string collateral, string trust, int status) =>
        _ledger.Refused(status, LoanPool.ApplyForLoan, borrower, amount, collateral, trust);

    [Fact]
    public void Term_beyond_the_maximum_duration_is_refused() =>
        _ledger.Refused(400, LoanPool.ApplyForLoan, "alice", Qirat(100 * Coin), Collateral, "80", "366");
}
