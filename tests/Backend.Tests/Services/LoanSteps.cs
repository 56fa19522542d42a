using System.Net;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>Loan steps over HTTP for the loanpool suites.</summary>
internal static class LoanSteps
{
    public const string Loans = "/loanpool/api/v1/loans";
    public static readonly string Collateral = new('c', 64);

    /// <summary>
    /// An ACTIVE user (500 coins) who named a father, a spouse and a business partner: trust score 10 + 30 + 25 + 10 = 75,
    /// enough for a loan.
    /// </summary>
    public static Task<RegisteredUser> NewBorrowerAsync(ServicesBackend backend) =>
        NewUserWithLinksAsync(backend, 75, "FATHER", "SPOUSE", "BUSINESS_PARTNER");

    /// <summary>An ACTIVE user with a confirmed link of each given type to a fresh ACTIVE user.</summary>
    public static async Task<RegisteredUser> NewUserWithLinksAsync(ServicesBackend backend, int expectedScore, params string[] types)
    {
        var user = await backend.NewActiveUserAsync();
        foreach (var type in types)
        {
            using var partner = await backend.NewActiveUserAsync();
            await RelationshipSteps.LinkAsync(user, partner, type);
        }
        Assert.Equal(expectedScore, await RelationshipSteps.TrustScoreAsync(user));
        return user;
    }

    /// <summary>Applies, waits for the commit, and waits until the loan grain shows PENDING_APPROVAL; returns the loan id.</summary>
    public static async Task<string> ApplyAsync(RegisteredUser borrower, string amount, int? termDays = null)
    {
        var applied = await borrower.Client.PostAsync(Loans, new { amount, collateralHash = Collateral, termDays }, preferWait: 20);
        Assert.True(applied.Status == HttpStatusCode.OK && applied["status"] == "COMMITTED", $"apply: {applied}");
        var loanId = applied["loanId"];
        await WaitForLoanAsync(borrower.Client, loanId, l => l["status"] == "PENDING_APPROVAL", "the application on chain");
        return loanId;
    }

    public static async Task ApproveAsync(GxApiClient admin, string loanId)
    {
        var approved = await admin.PostAsync($"{Loans}/{loanId}/approve", preferWait: 20);
        Assert.True(approved.Status == HttpStatusCode.OK && approved["status"] == "COMMITTED", $"approve: {approved}");
        await WaitForLoanAsync(admin, loanId, l => l["status"] == "ACTIVE", "the loan to be ACTIVE");
    }

    public static Task<ApiResponse> WaitForLoanAsync(GxApiClient client, string loanId, Func<ApiResponse, bool> condition, string awaited) =>
        Eventually.MatchesAsync(() => client.GetAsync($"{Loans}/{loanId}"), r => r.Status == HttpStatusCode.OK && condition(r), $"loan {loanId}: {awaited}");
}
