using System.Net;

namespace GxProtocol.Backend.Tests.Support;

/// <summary>
/// The journey's steps (log in, bootstrap, register and verify, KYC approval, transfers) as a user takes them over
/// HTTP, against any API base address, asserting each step. Use it when a test needs users in a state, through the
/// real routes of a running host; the clients it returns are <see cref="GxApiClient"/>s. For an in-process cluster
/// without HTTP use <see cref="GrainJourney"/>.
/// </summary>
public sealed class JourneyDriver(Func<Uri> apiBase)
{
    public const string UserPassword = "a long enough password";

    public async Task<GxApiClient> LoginAsync(string email, string password)
    {
        var client = new GxApiClient(apiBase());
        var login = await client.PostAsync("/identity/api/v1/auth/login", new { email, password });
        Assert.True(login.Status == HttpStatusCode.OK, $"login {email}: {login}");
        client.AccessToken = login["accessToken"];
        return client;
    }

    public async Task BootstrapAsync(GxApiClient superAdmin)
    {
        var bootstrap = await superAdmin.PostAsync("/admin/api/v1/bootstrap", preferWait: 20);
        Assert.True(bootstrap.Status == HttpStatusCode.OK && bootstrap["status"] == "COMMITTED", $"bootstrap: {bootstrap}");
        var countries = await superAdmin.PostAsync("/admin/api/v1/countries/initialize",
            new[] { new { code = "MY", name = "Malaysia", percentage = 10 }, new { code = "DE", name = "Germany", percentage = 5 } }, preferWait: 20);
        Assert.True(countries.Status == HttpStatusCode.OK && countries["status"] == "COMMITTED", $"countries: {countries}");
    }

    /// <summary>Registers and confirms the e-mail address with the code from the development mailbox, as a new user does before KYC.</summary>
    public async Task<RegisteredUser> RegisterAsync(string email, string country)
    {
        var since = DateTime.UtcNow;
        var user = await RegisterUnverifiedAsync(email, country);
        await VerifyEmailAsync(user, await DevMailbox.WaitForCodeAsync(email, since));
        return user;
    }

    public static async Task VerifyEmailAsync(RegisteredUser user, string code)
    {
        var confirmed = await user.Client.SendAsync(HttpMethod.Post, $"/identity/api/v1/users/{user.UserId}/email-verification/confirm",
            new { code }, withIdempotencyKey: false);
        Assert.True(confirmed.Status == HttpStatusCode.OK && confirmed["emailVerified"] == "true", $"email verification: {confirmed}");
    }

    /// <summary>Registers and logs in; the e-mail address is not yet confirmed (KYC is refused until it is).</summary>
    public async Task<RegisteredUser> RegisterUnverifiedAsync(string email, string country)
    {
        using var anonymous = new GxApiClient(apiBase());
        var registered = await anonymous.PostAsync("/identity/api/v1/users", new
        {
            email,
            password = UserPassword,
            firstName = "Test",
            lastName = "User",
            nationalityCountryCode = country,
            dateOfBirth = "1990-04-01",
        });
        Assert.True(registered.Status == HttpStatusCode.Created, $"register {email}: {registered}");
        Assert.Equal("REGISTERED", registered["status"]);
        return new RegisteredUser(await LoginAsync(email, UserPassword), registered["userId"]);
    }

    /// <summary>Registers, submits KYC, has the admin find the user in the pending list and approve, and waits until the ledger made the user ACTIVE.</summary>
    public async Task<RegisteredUser> RegisterActiveUserAsync(GxApiClient admin, string email, string country)
    {
        var user = await RegisterAsync(email, country);
        var kyc = await user.Client.PostAsync($"/identity/api/v1/users/{user.UserId}/kyc",
            new { evidenceHash = new string('a', 64), evidenceSize = 2048, evidenceMime = "application/pdf" });
        Assert.True(kyc.Status == HttpStatusCode.OK, $"kyc: {kyc}");
        // As an operator would: find the waiting user through the list, not by knowing the id.
        var pending = await admin.GetAsync($"/admin/api/v1/users?status=PENDING_ADMIN_APPROVAL&search={Uri.EscapeDataString(email)}");
        Assert.True(pending.Status == HttpStatusCode.OK, $"pending users: {pending}");
        var found = Assert.Single(pending.Json["items"]!.AsArray(), u => u!["email"]!.ToString() == email)!["userId"]!.ToString();
        Assert.Equal(user.UserId, found);
        var approve = await admin.PostAsync($"/admin/api/v1/users/{found}/approve", preferWait: 20);
        Assert.True(approve.Status == HttpStatusCode.OK && approve["status"] == "COMMITTED", $"approve: {approve}");
        var status = await admin.GetAsync($"/identity/api/v1/commands/{approve["commandId"]}");
        Assert.Equal("COMMITTED", status["status"]);
        await Eventually.MatchesAsync(() => user.Client.GetAsync($"/identity/api/v1/users/{user.UserId}"),
            r => r.Status == HttpStatusCode.OK && r["status"] == "ACTIVE", $"{email} to become ACTIVE");
        return user;
    }

    public static Task<ApiResponse> WaitForBalanceAsync(GxApiClient client, string userId, string balance) =>
        Eventually.MatchesAsync(() => client.GetAsync($"/tokenomics/api/v1/wallets/{userId}/balance"),
            r => r.Status == HttpStatusCode.OK && r["balance"] == balance, $"the balance of {userId} to be {balance}");
}

public sealed record RegisteredUser(GxApiClient Client, string UserId) : IDisposable
{
    public void Dispose() => Client.Dispose();
}
