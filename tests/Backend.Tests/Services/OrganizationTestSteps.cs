using System.Net;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Services;

/// <summary>The organization routes' steps over HTTP, shared by the route tests and the multi-signature flow.</summary>
internal static class OrganizationTestSteps
{
    public const string Api = "/organization/api/v1";

    public static string NewOrgId() => $"org-{Guid.NewGuid():N}"[..24];

    public static object Proposal(string orgId, params RegisteredUser[] stakeholders) =>
        new { orgId, orgName = "Acme Cooperative", orgType = "business", stakeholderIds = stakeholders.Select(s => s.UserId).ToArray() };

    /// <summary>Posts with <c>Prefer: wait</c> and asserts the command committed.</summary>
    public static async Task<ApiResponse> CommittedAsync(GxApiClient client, string path, object? body = null)
    {
        var response = await client.PostAsync(path, body, preferWait: 20);
        Assert.True(response.Status == HttpStatusCode.OK && response["status"] == "COMMITTED", $"POST {path}: {response}");
        return response;
    }

    /// <summary>Proposed by the first user, endorsed by the others, activated: an ACTIVE organization.</summary>
    public static async Task<string> ActiveOrganizationAsync(params RegisteredUser[] stakeholders)
    {
        var orgId = NewOrgId();
        await CommittedAsync(stakeholders[0].Client, $"{Api}/organizations", Proposal(orgId, stakeholders));
        foreach (var other in stakeholders.Skip(1))
        {
            await CommittedAsync(other.Client, $"{Api}/organizations/{orgId}/endorse");
        }
        await CommittedAsync(stakeholders[0].Client, $"{Api}/organizations/{orgId}/activate");
        await Eventually.MatchesAsync(() => stakeholders[0].Client.GetAsync($"{Api}/organizations/{orgId}"),
            r => r.Status == HttpStatusCode.OK && r["status"] == "ACTIVE", $"{orgId} to be ACTIVE");
        return orgId;
    }

    public static void AssertProblem(ApiResponse response, HttpStatusCode status, string? code = null, string? field = null)
    {
        Assert.True(response.Status == status, $"expected {(int)status}, got {response}");
        Assert.Equal("application/problem+json", response.ContentType);
        if (code is not null)
        {
            Assert.Equal(code, response["code"]);
        }
        if (field is not null)
        {
            Assert.True(response.Json["errors"]?[field] is not null, $"no error for '{field}' in {response}");
        }
    }
}
