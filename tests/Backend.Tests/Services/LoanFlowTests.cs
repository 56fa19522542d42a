using System.Net;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>A loan from application to REPAID, with the balances the ledger reports.</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class LoanFlowTests(ServicesBackend backend)
{
    [Fact]
    public async Task A_trusted_borrower_is_paid_the_loan_and_repays_it_in_two_parts()
    {
        using var borrower = await LoanSteps.NewBorrowerAsync(backend);

        var loanId = await LoanSteps.ApplyAsync(borrower, "1000", termDays: 30);
        var pending = await borrower.Client.GetAsync($"{LoanSteps.Loans}/{loanId}");
        Assert.Equal("1000", pending["amountDue"]);
        Assert.Equal("75", pending["trustScore"]);
        Assert.Equal(LoanSteps.Collateral, pending["collateralHash"]);

        await LoanSteps.ApproveAsync(backend.SuperAdmin, loanId);
        await JourneyDriver.WaitForBalanceAsync(borrower.Client, borrower.UserId, "1500");

        var first = await borrower.Client.PostAsync($"{LoanSteps.Loans}/{loanId}/repayments", new { amount = "400" }, preferWait: 20);
        Assert.True(first.Status == HttpStatusCode.OK && first["status"] == "COMMITTED", $"first repayment: {first}");
        var partly = await LoanSteps.WaitForLoanAsync(borrower.Client, loanId, l => l["totalRepaid"] == "400", "the first repayment");
        Assert.Equal("ACTIVE", partly["status"]);
        Assert.Equal("600", partly["remaining"]);
        await JourneyDriver.WaitForBalanceAsync(borrower.Client, borrower.UserId, "1100");

        var tooMuch = await borrower.Client.PostAsync($"{LoanSteps.Loans}/{loanId}/repayments", new { amount = "600.000001" });
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.Status);
        Assert.NotNull(tooMuch.Json["errors"]?["amount"]);

        var rest = await borrower.Client.PostAsync($"{LoanSteps.Loans}/{loanId}/repayments", new { amount = "600" }, preferWait: 20);
        Assert.True(rest.Status == HttpStatusCode.OK && rest["status"] == "COMMITTED", $"second repayment: {rest}");
        var repaid = await LoanSteps.WaitForLoanAsync(borrower.Client, loanId, l => l["status"] == "REPAID", "the loan to be REPAID");
        Assert.Equal("0", repaid["remaining"]);
        Assert.Equal(2, repaid.Json["repayments"]!.AsArray().Count);
        var wallet = await JourneyDriver.WaitForBalanceAsync(borrower.Client, borrower.UserId, "500");
        Assert.Equal("0", wallet["pendingHolds"]);

        var afterRepaid = await borrower.Client.PostAsync($"{LoanSteps.Loans}/{loanId}/repayments", new { amount = "1" });
        Assert.Equal(HttpStatusCode.Conflict, afterRepaid.Status);
        Assert.Equal("loan_not_active", afterRepaid["code"]);
    }

    [Fact]
    public async Task An_application_may_be_approved_before_it_reaches_the_ledger_and_is_decided_once()
    {
        using var borrower = await LoanSteps.NewBorrowerAsync(backend);
        var applied = await borrower.Client.PostAsync(LoanSteps.Loans, new { amount = "100", collateralHash = LoanSteps.Collateral });
        Assert.Equal(HttpStatusCode.Accepted, applied.Status);
        var loanId = applied["loanId"];

        var approved = await backend.SuperAdmin.PostAsync($"{LoanSteps.Loans}/{loanId}/approve");
        Assert.True(approved.Status is HttpStatusCode.Accepted or HttpStatusCode.OK, $"approve: {approved}");
        var second = await backend.SuperAdmin.PostAsync($"{LoanSteps.Loans}/{loanId}/reject", new { reason = "changed my mind" });
        Assert.Equal(HttpStatusCode.Conflict, second.Status);

        var status = await backend.WaitForCommitAsync(backend.SuperAdmin, approved["commandId"]);
        Assert.Equal("COMMITTED", status["status"]);
        await LoanSteps.WaitForLoanAsync(borrower.Client, loanId, l => l["status"] == "ACTIVE", "the loan to be ACTIVE");
        await JourneyDriver.WaitForBalanceAsync(borrower.Client, borrower.UserId, "600");
    }

    [Fact]
    public async Task A_repayment_is_held_from_the_available_balance_and_more_than_available_is_refused()
    {
        using var borrower = await LoanSteps.NewBorrowerAsync(backend);
        using var friend = await backend.NewActiveUserAsync();
        var loanId = await LoanSteps.ApplyAsync(borrower, "1000");
        await LoanSteps.ApproveAsync(backend.SuperAdmin, loanId);
        await JourneyDriver.WaitForBalanceAsync(borrower.Client, borrower.UserId, "1500");

        var spent = await borrower.Client.PostAsync("/tokenomics/api/v1/transfers", new { toUserId = friend.UserId, amount = "1000" }, preferWait: 20);
        Assert.True(spent.Status == HttpStatusCode.OK && spent["status"] == "COMMITTED", $"transfer: {spent}");
        await Eventually.MatchesAsync(() => borrower.Client.GetAsync($"/tokenomics/api/v1/wallets/{borrower.UserId}/balance"),
            r => r.Status == HttpStatusCode.OK && r["balance"] != "1500", "the transfer to leave the wallet");

        var unaffordable = await borrower.Client.PostAsync($"{LoanSteps.Loans}/{loanId}/repayments", new { amount = "600" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unaffordable.Status);
        Assert.Equal("insufficient_funds", unaffordable["code"]);

        // Accepted without waiting: the wallet holds the repayment until the ledger records it.
        var held = await borrower.Client.PostAsync($"{LoanSteps.Loans}/{loanId}/repayments", new { amount = "300" });
        Assert.Equal(HttpStatusCode.Accepted, held.Status);
        // 499.5 coins remain after the transfer and its fee; with 300 held (or already paid) 250 more is not available.
        var overHold = await borrower.Client.PostAsync($"{LoanSteps.Loans}/{loanId}/repayments", new { amount = "250" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, overHold.Status);
        await backend.WaitForCommitAsync(borrower.Client, held["commandId"]);
        await LoanSteps.WaitForLoanAsync(borrower.Client, loanId, l => l["totalRepaid"] == "300", "the repayment");
        await Eventually.MatchesAsync(() => borrower.Client.GetAsync($"/tokenomics/api/v1/wallets/{borrower.UserId}/balance"),
            r => r["pendingHolds"] == "0", "the hold to be released with the repayment");
    }
}
