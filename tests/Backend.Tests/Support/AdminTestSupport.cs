using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace GxProtocol.Backend.Tests.Support;

/// <summary>Problem assertions and admin accounts for the admin and tokenomics route tests.</summary>
internal static class AdminTestSupport
{
    /// <summary>Asserts a problem+json answer with its status, and when given its code and the field it names.</summary>
    public static void AssertProblem(ApiResponse response, HttpStatusCode status, string? code = null, string? field = null)
    {
        Assert.True(response.Status == status, $"Expected {(int)status}, got {response}");
        Assert.Equal("application/problem+json", response.ContentType);
        if (code is not null)
        {
            Assert.Equal(code, response["code"]);
        }
        if (field is not null)
        {
            Assert.True(response.Json["errors"]?[field] is JsonArray { Count: > 0 }, $"No errors for '{field}' in {response}");
        }
    }

    /// <summary>Asserts a command answered 200 after <c>Prefer: wait</c> with status COMMITTED.</summary>
    public static void AssertCommitted(ApiResponse response, string what) =>
        Assert.True(response.Status == HttpStatusCode.OK && response["status"] == "COMMITTED", $"{what}: {response}");

    /// <summary>
    /// An ACTIVE user whom the super admin appointed admin, logged in again once the ledger's AdminAppointed reached
    /// their grain, so the token carries the admin role.
    /// </summary>
    public static async Task<RegisteredUser> NewAdminAsync(ServicesBackend backend)
    {
        var email = $"{Guid.NewGuid():N}@services.test";
        using var user = await backend.Journey.RegisterActiveUserAsync(backend.SuperAdmin, email, "MY");
        AssertCommitted(await backend.SuperAdmin.PostAsync("/admin/api/v1/admins", new { newAdminId = user.UserId }, preferWait: 20), "appoint");
        var login = await LoginUntilRoleAsync(backend, email, "admin");
        var client = backend.Anonymous();
        client.AccessToken = login["accessToken"];
        return new RegisteredUser(client, user.UserId);
    }

    public static async Task<ApiResponse> LoginUntilRoleAsync(ServicesBackend backend, string email, string role)
    {
        using var anonymous = backend.Anonymous();
        return await Eventually.MatchesAsync(
            () => anonymous.PostAsync("/identity/api/v1/auth/login", new { email, password = JourneyDriver.UserPassword }),
            r => r.Status == HttpStatusCode.OK && r.Json["user"]?["role"]?.ToString() == role, $"{email} to log in as {role}");
    }

    /// <summary>The <c>role</c> claim of an access token (its payload is base64url JSON).</summary>
    public static string? RoleClaim(string accessToken)
    {
        var payload = accessToken.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)))?["role"]?.ToString();
    }
}
