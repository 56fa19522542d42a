using System.Net;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>The loanpool routes: who may call them and what malformed input gets.</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class LoanRouteTests(ServicesBackend backend)
{
    private const string Loans = LoanSteps.Loans;

    [Fact]
    public async Task An_application_answers_with_its_loan_id_and_the_loan_is_shown_to_its_borrower_and_admins_only()
    {
        using var borrower = await LoanSteps.NewBorrowerAsync(backend);
        using var stranger = await backend.NewRegisteredUserAsync();
        using var anonymous = backend.Anonymous();

        var applied = await borrower.Client.PostAsync(Loans, new { amount = "100", collateralHash = LoanSteps.Collateral });
        Assert.Equal(HttpStatusCode.Accepted, applied.Status);
        Assert.Equal("PENDING", applied["status"]);
        var loanId = applied["loanId"];
        var path = $"{Loans}/{loanId}";

        var own = await borrower.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal(borrower.UserId, own["borrowerId"]);
        Assert.Equal("100", own["amount"]);
        Assert.Equal(HttpStatusCode.OK, (await backend.SuperAdmin.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await backend.SuperAdmin.GetAsync($"{Loans}/{Guid.NewGuid()}")).Status);

        await backend.WaitForCommitAsync(borrower.Client, applied["commandId"]);
        var onChain = await LoanSteps.WaitForLoanAsync(borrower.Client, loanId, l => l["status"] == "PENDING_APPROVAL", "the application on chain");
        Assert.Equal("365", onChain["termDays"]);
    }

    [Fact]
    public async Task Applying_needs_a_token_and_refuses_malformed_input_naming_the_field()
    {
        using var borrower = await LoanSteps.NewBorrowerAsync(backend);
        using var anonymous = backend.Anonymous();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(Loans, new { amount = "100", collateralHash = LoanSteps.Collateral })).Status);
        await AssertFieldRefusedAsync(borrower, new { amount = "100", collateralHash = "xyz" }, "collateralHash");
        await AssertFieldRefusedAsync(borrower, new { amount = "100", collateralHash = new string('g', 64) }, "collateralHash");
        await AssertFieldRefusedAsync(borrower, new { amount = "99.999999", collateralHash = LoanSteps.Collateral }, "amount");
        await AssertFieldRefusedAsync(borrower, new { amount = "1000000.000001", collateralHash = LoanSteps.Collateral }, "amount");
        await AssertFieldRefusedAsync(borrower, new { amount = "-5", collateralHash = LoanSteps.Collateral }, "amount");
        await AssertFieldRefusedAsync(borrower, new { amount = "100", collateralHash = LoanSteps.Collateral, termDays = 0 }, "termDays");
        await AssertFieldRefusedAsync(borrower, new { amount = "100", collateralHash = LoanSteps.Collateral, termDays = 366 }, "termDays");
        await AssertFieldRefusedAsync(borrower, new { collateralHash = LoanSteps.Collateral }, "amount");
    }

    [Fact]
    public async Task A_borrower_below_trust_75_is_forbidden_and_one_at_75_may_borrow_the_edge_amounts()
    {
        using var seventy = await LoanSteps.NewUserWithLinksAsync(backend, 70, "FATHER", "MOTHER");
        var refused = await seventy.Client.PostAsync(Loans, new { amount = "100", collateralHash = LoanSteps.Collateral });
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("trust_score_too_low", refused["code"]);

        using var borrower = await LoanSteps.NewBorrowerAsync(backend);
        Assert.Equal(HttpStatusCode.Accepted, (await borrower.Client.PostAsync(Loans, new { amount = "100", collateralHash = LoanSteps.Collateral })).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await borrower.Client.PostAsync(Loans, new { amount = "1000000", collateralHash = LoanSteps.Collateral, termDays = 365 })).Status);
    }

    [Fact]
    public async Task A_sixth_open_loan_conflicts_even_before_the_first_five_are_committed()
    {
        using var borrower = await LoanSteps.NewBorrowerAsync(backend);
        for (var i = 0; i < 5; i++)
        {
            var applied = await borrower.Client.PostAsync(Loans, new { amount = "100", collateralHash = LoanSteps.Collateral });
            Assert.True(applied.Status == HttpStatusCode.Accepted, $"loan {i + 1}: {applied}");
        }

        var sixth = await borrower.Client.PostAsync(Loans, new { amount = "100", collateralHash = LoanSteps.Collateral });
        Assert.Equal(HttpStatusCode.Conflict, sixth.Status);
        Assert.Equal("too_many_open_loans", sixth["code"]);
    }

    [Fact]
    public async Task Only_admins_decide_and_only_on_a_loan_pending_approval()
    {
        using var borrower = await LoanSteps.NewBorrowerAsync(backend);
        using var anonymous = backend.Anonymous();
        var loanId = await LoanSteps.ApplyAsync(borrower, "200");
        var approve = $"{Loans}/{loanId}/approve";
        var reject = $"{Loans}/{loanId}/reject";

        Assert.Equal(HttpStatusCode.Forbidden, (await borrower.Client.PostAsync(approve)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await borrower.Client.PostAsync(reject, new { reason = "mine" })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(approve)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await backend.SuperAdmin.PostAsync($"{Loans}/{Guid.NewGuid()}/approve")).Status);
        var noReason = await backend.SuperAdmin.PostAsync(reject, new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.NotNull(noReason.Json["errors"]?["reason"]);

        var rejected = await backend.SuperAdmin.PostAsync(reject, new { reason = "collateral not verified" }, preferWait: 20);
        Assert.True(rejected.Status == HttpStatusCode.OK && rejected["status"] == "COMMITTED", $"reject: {rejected}");
        var loan = await LoanSteps.WaitForLoanAsync(borrower.Client, loanId, l => l["status"] == "REJECTED", "the rejection");
        Assert.Equal("collateral not verified", loan["reason"]);

        var late = await backend.SuperAdmin.PostAsync(approve);
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Equal("loan_not_pending_approval", late["code"]);
    }

    [Fact]
    public async Task Only_the_borrower_repays_and_only_an_active_loan()
    {
        using var borrower = await LoanSteps.NewBorrowerAsync(backend);
        using var stranger = await backend.NewActiveUserAsync();
        using var anonymous = backend.Anonymous();
        var loanId = await LoanSteps.ApplyAsync(borrower, "200");
        var repay = $"{Loans}/{loanId}/repayments";

        var notActive = await borrower.Client.PostAsync(repay, new { amount = "10" });
        Assert.Equal(HttpStatusCode.Conflict, notActive.Status);
        Assert.Equal("loan_not_active", notActive["code"]);

        await LoanSteps.ApproveAsync(backend.SuperAdmin, loanId);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.PostAsync(repay, new { amount = "10" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await backend.SuperAdmin.PostAsync(repay, new { amount = "10" })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(repay, new { amount = "10" })).Status);
        var zero = await borrower.Client.PostAsync(repay, new { amount = "0" });
        Assert.Equal(HttpStatusCode.BadRequest, zero.Status);
        Assert.Contains("amount", zero.Body);
        var overRemaining = await borrower.Client.PostAsync(repay, new { amount = "200.000001" });
        Assert.Equal(HttpStatusCode.BadRequest, overRemaining.Status);
        Assert.NotNull(overRemaining.Json["errors"]?["amount"]);

        var repaid = await borrower.Client.PostAsync(repay, new { amount = "200" }, preferWait: 20);
        Assert.True(repaid.Status == HttpStatusCode.OK && repaid["status"] == "COMMITTED", $"repay: {repaid}");
    }

    [Fact]
    public async Task The_loans_of_a_borrower_are_listed_to_the_borrower_and_admins_only()
    {
        using var borrower = await LoanSteps.NewBorrowerAsync(backend);
        using var stranger = await backend.NewRegisteredUserAsync();
        using var anonymous = backend.Anonymous();
        var loanId = await LoanSteps.ApplyAsync(borrower, "150");
        var path = $"/loanpool/api/v1/users/{borrower.UserId}/loans";

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).Status);
        var badLimit = await borrower.Client.GetAsync(path + "?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.Status);
        Assert.NotNull(badLimit.Json["errors"]?["limit"]);
        var badCursor = await borrower.Client.GetAsync(path + "?cursor=abc");
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.Status);
        Assert.NotNull(badCursor.Json["errors"]?["cursor"]);

        var listed = await Eventually.MatchesAsync(() => borrower.Client.GetAsync(path),
            r => r.Status == HttpStatusCode.OK && r.Body.Contains(loanId), "the loan in the borrower's list");
        Assert.Equal("150", listed.Json["items"]![0]!["amount"]!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await backend.SuperAdmin.GetAsync(path)).Status);
    }

    private static async Task AssertFieldRefusedAsync(RegisteredUser borrower, object body, string field)
    {
        var refused = await borrower.Client.PostAsync(Loans, body);
        Assert.True(refused.Status == HttpStatusCode.BadRequest, $"{field}: {refused}");
        Assert.Contains(field, refused.Body);
    }
}
