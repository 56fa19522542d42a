using System.Net;
using GxProtocol.Backend.Tests.Support;
using static GxProtocol.Backend.Tests.Support.AdminTestSupport;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>Issue 10 point 5: an admin cannot decide their own KYC or approve their own loan; another admin can.</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class SeparationOfDutiesTests(ServicesBackend backend)
{
    [Fact]
    public async Task An_admin_cannot_approve_or_deny_their_own_KYC()
    {
        // The seeded super admin is REGISTERED, so it can submit KYC for itself: approving it would register it on chain
        // and pay it a genesis on its own word.
        using var anonymous = backend.Anonymous();
        var login = await anonymous.PostAsync("/identity/api/v1/auth/login",
            new { email = ServicesBackend.SuperAdminEmail, password = ServicesBackend.SuperAdminPassword });
        Assert.Equal(HttpStatusCode.OK, login.Status);
        var self = login.Json["user"]!["userId"]!.ToString();

        var kyc = await backend.SuperAdmin.PostAsync($"/identity/api/v1/users/{self}/kyc",
            new { evidenceHash = new string('e', 64), evidenceSize = 2048, evidenceMime = "application/pdf" });
        Assert.True(kyc.Status == HttpStatusCode.OK, $"kyc: {kyc}");

        AssertProblem(await backend.SuperAdmin.PostAsync($"/admin/api/v1/users/{self}/approve", preferWait: 5), HttpStatusCode.Forbidden, "self_approval");
        AssertProblem(await backend.SuperAdmin.PostAsync($"/admin/api/v1/users/{self}/deny", new { reason = "mine" }), HttpStatusCode.Forbidden, "self_approval");

        var after = await backend.SuperAdmin.GetAsync($"/identity/api/v1/users/{self}");
        Assert.Equal("PENDING_ADMIN_APPROVAL", after["status"]);
    }

    [Fact]
    public async Task An_admin_cannot_approve_their_own_loan_and_another_admin_can()
    {
        var email = $"{Guid.NewGuid():N}@services.test";
        using var borrower = await backend.Journey.RegisterActiveUserAsync(backend.SuperAdmin, email, "MY");
        foreach (var type in new[] { "FATHER", "SPOUSE", "BUSINESS_PARTNER" })
        {
            using var partner = await backend.NewActiveUserAsync();
            await RelationshipSteps.LinkAsync(borrower, partner, type);
        }
        AssertCommitted(await backend.SuperAdmin.PostAsync("/admin/api/v1/admins", new { newAdminId = borrower.UserId }, preferWait: 20), "appoint");
        borrower.Client.AccessToken = (await LoginUntilRoleAsync(backend, email, "admin"))["accessToken"];

        var loanId = await LoanSteps.ApplyAsync(borrower, "500");

        AssertProblem(await borrower.Client.PostAsync($"{LoanSteps.Loans}/{loanId}/approve", preferWait: 5), HttpStatusCode.Forbidden, "self_approval");
        Assert.Equal("PENDING_APPROVAL", (await borrower.Client.GetAsync($"{LoanSteps.Loans}/{loanId}"))["status"]);

        await LoanSteps.ApproveAsync(backend.SuperAdmin, loanId);
    }
}
