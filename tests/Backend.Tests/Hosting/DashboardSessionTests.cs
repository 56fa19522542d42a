using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using GxProtocol.Backend.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GxProtocol.Backend.Tests.Hosting;

/// <summary>
/// Issue 10 point 11: an admin opens the Orleans dashboard in a browser through a short-lived session cookie traded for
/// their access token on the ops port; grain state and the log stream are for super admins only.
/// </summary>
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class DashboardSessionTests(DashboardSessionTests.SiloWithGuardedDashboard fixture)
    : IClassFixture<DashboardSessionTests.SiloWithGuardedDashboard>
{
    private const string GrainState = "/dashboard/GrainState?grainId=0&grainType=GxProtocol.Grains.Tax.FeeCreditFoldGrain";

    /// <summary>One embedded silo whose dashboard requires an admin (as in PostgreSQL mode), with a known JWT key.</summary>
    public sealed class SiloWithGuardedDashboard : IAsyncLifetime
    {
        public const string SuperAdminEmail = "root@dashboard.test";
        public const string SuperAdminPassword = "dashboard super admin password";
        public const int SessionSeconds = 120;

        public byte[] SigningKey { get; } = RandomNumberGenerator.GetBytes(32);
        public HostProcess Silo { get; private set; } = null!;
        public JourneyDriver Journey { get; }
        public GxApiClient SuperAdmin { get; private set; } = null!;
        public string AdminToken { get; private set; } = null!;
        public string UserToken { get; private set; } = null!;

        public SiloWithGuardedDashboard() => Journey = new JourneyDriver(() => Silo.ApiBase);

        public async Task InitializeAsync()
        {
            Silo = await HostProcess.StartSiloAsync(new Dictionary<string, string>
            {
                ["Gx:Host:DashboardEnabled"] = "true",
                ["Gx:Host:DashboardRequiresAdmin"] = "true",
                ["Gx:Host:DashboardSessionSeconds"] = SessionSeconds.ToString(),
                ["Gx:Jwt:SigningKey"] = Convert.ToBase64String(SigningKey),
                ["Gx:Bootstrap:SuperAdminEmail"] = SuperAdminEmail,
                ["Gx:Bootstrap:SuperAdminPassword"] = SuperAdminPassword,
            });
            SuperAdmin = await Journey.LoginAsync(SuperAdminEmail, SuperAdminPassword);
            await Journey.BootstrapAsync(SuperAdmin);
            var email = $"{Guid.NewGuid():N}@dashboard.test";
            using var admin = await Journey.RegisterActiveUserAsync(SuperAdmin, email, "MY");
            var appointed = await SuperAdmin.PostAsync("/admin/api/v1/admins", new { newAdminId = admin.UserId }, preferWait: 20);
            Assert.True(appointed.Status == HttpStatusCode.OK && appointed["status"] == "COMMITTED", $"appoint: {appointed}");
            using var anonymous = new GxApiClient(Silo.ApiBase);
            var login = await Eventually.MatchesAsync(
                () => anonymous.PostAsync("/identity/api/v1/auth/login", new { email, password = JourneyDriver.UserPassword }),
                r => r.Status == HttpStatusCode.OK && r.Json["user"]?["role"]?.ToString() == "admin", $"{email} to log in as admin");
            AdminToken = login["accessToken"];
            using var user = await Journey.RegisterActiveUserAsync(SuperAdmin, $"{Guid.NewGuid():N}@dashboard.test", "MY");
            UserToken = user.Client.AccessToken!;
        }

        public async Task DisposeAsync()
        {
            SuperAdmin?.Dispose();
            if (Silo is not null)
            {
                await Silo.DisposeAsync();
            }
        }
    }

    /// <summary>A browser: cookies kept, redirects visible, never an Authorization header.</summary>
    private sealed class Browser : IDisposable
    {
        private readonly HttpClientHandler _handler = new() { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        public HttpClient Http { get; }
        public CookieContainer Cookies => _handler.CookieContainer;

        public Browser() => Http = new HttpClient(_handler) { Timeout = TimeSpan.FromSeconds(60) };

        public async Task<HttpResponseMessage> GetAsync(Uri url, bool html = false, bool headersOnly = false)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd(html ? "text/html,application/xhtml+xml" : "application/json");
            return await Http.SendAsync(request, headersOnly ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead);
        }

        public Task<HttpResponseMessage> SignInAsync(Uri ops, string accessToken) =>
            Http.PostAsync(new Uri(ops, "/dashboard/session"), new FormUrlEncodedContent([new("accessToken", accessToken)]));

        public void Dispose()
        {
            Http.Dispose();
            _handler.Dispose();
        }
    }

    private Uri Ops => fixture.Silo.OpsBase;
    private Uri Url(string path) => new(Ops, path);

    [Fact]
    public async Task A_browser_opens_the_dashboard_after_the_session_call_and_is_sent_to_log_in_without_it()
    {
        using var browser = new Browser();

        using var page = await browser.GetAsync(Url("/dashboard/"), html: true);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/dashboard/login", page.Headers.Location?.OriginalString);
        using var data = await browser.GetAsync(Url("/dashboard/ClusterStats"));
        Assert.Equal(HttpStatusCode.Unauthorized, data.StatusCode);
        using var login = await browser.GetAsync(Url("/dashboard/login"), html: true);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("name=\"accessToken\"", await login.Content.ReadAsStringAsync());

        using var signedIn = await browser.SignInAsync(Ops, fixture.AdminToken);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/dashboard/", signedIn.Headers.Location?.OriginalString);
        var setCookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("gx_dashboard=", setCookie);
        foreach (var attribute in new[] { "path=/dashboard", "httponly", "samesite=strict", $"max-age={SiloWithGuardedDashboard.SessionSeconds}" })
        {
            Assert.Contains(attribute, setCookie, StringComparison.OrdinalIgnoreCase);
        }
        // Secure only over HTTPS: this listener is plain HTTP, where a Secure cookie would never come back.
        Assert.DoesNotContain(setCookie.Split(';').Select(part => part.Trim()), part => part.Equals("secure", StringComparison.OrdinalIgnoreCase));

        using var opened = await browser.GetAsync(Url("/dashboard/"), html: true);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("text/html", opened.Content.Headers.ContentType?.MediaType);
        using var stats = await browser.GetAsync(Url("/dashboard/ClusterStats"));
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);

        // Cookies ignore ports: the API port gets the cookie too, and still serves no dashboard.
        Assert.NotEmpty(browser.Cookies.GetCookies(new Uri(fixture.Silo.ApiBase, "/dashboard/")));
        using var onApiPort = await browser.GetAsync(new Uri(fixture.Silo.ApiBase, "/dashboard/ClusterStats"));
        Assert.Equal(HttpStatusCode.NotFound, onApiPort.StatusCode);
        using var sessionOnApiPort = await browser.SignInAsync(fixture.Silo.ApiBase, fixture.AdminToken);
        Assert.Equal(HttpStatusCode.NotFound, sessionOnApiPort.StatusCode);
    }

    [Fact]
    public async Task The_session_call_takes_an_admin_bearer_token_and_refuses_anyone_else()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };

        async Task<HttpResponseMessage> StartAsync(string? token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Url("/dashboard/session"));
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            return await http.SendAsync(request);
        }

        var before = DateTimeOffset.UtcNow;
        using var admin = await StartAsync(fixture.AdminToken);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        var expiresAt = DateTimeOffset.Parse(System.Text.Json.Nodes.JsonNode.Parse(await admin.Content.ReadAsStringAsync())!["expiresAt"]!.ToString());
        Assert.InRange(expiresAt, before.AddSeconds(SiloWithGuardedDashboard.SessionSeconds - 5), DateTimeOffset.UtcNow.AddSeconds(SiloWithGuardedDashboard.SessionSeconds + 5));

        using var user = await StartAsync(fixture.UserToken);
        Assert.Equal(HttpStatusCode.Forbidden, user.StatusCode);
        Assert.False(user.Headers.Contains("Set-Cookie"));
        using var nobody = await StartAsync(null);
        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
        Assert.Equal("application/problem+json", nobody.Content.Headers.ContentType?.MediaType);
        using var browser = new Browser();
        using var forged = await browser.SignInAsync(Ops, fixture.AdminToken[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        using var userForm = await browser.SignInAsync(Ops, fixture.UserToken);
        Assert.Equal(HttpStatusCode.Forbidden, userForm.StatusCode);
        Assert.Empty(browser.Cookies.GetAllCookies());
    }

    [Fact]
    public async Task An_expired_session_or_an_api_token_in_the_cookie_is_refused()
    {
        var adminId = SubjectOf(fixture.AdminToken);
        foreach (var (cookie, expected, what) in new[]
                 {
                     (Mint(adminId, "admin", "gx-api-dashboard", DateTimeOffset.UtcNow.AddSeconds(-1)), HttpStatusCode.Unauthorized, "an expired session"),
                     (fixture.AdminToken, HttpStatusCode.Unauthorized, "the API's access token"),
                     (Mint(adminId, "admin", "gx-api-dashboard", DateTimeOffset.UtcNow.AddMinutes(5)), HttpStatusCode.OK, "a live session signed the same way"),
                 })
        {
            using var browser = new Browser();
            browser.Cookies.Add(new Cookie("gx_dashboard", cookie, "/dashboard", Ops.Host));
            using var response = await browser.GetAsync(Url("/dashboard/ClusterStats"));
            Assert.True(response.StatusCode == expected, $"{what}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Grain_state_and_the_log_stream_are_for_super_admins_only()
    {
        using var admin = new Browser();
        using var superAdmin = new Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync(Ops, fixture.AdminToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await superAdmin.SignInAsync(Ops, fixture.SuperAdmin.AccessToken!)).StatusCode);

        using var adminGrainTypes = await admin.GetAsync(Url("/dashboard/GrainTypes"));
        Assert.Equal(HttpStatusCode.OK, adminGrainTypes.StatusCode);
        foreach (var path in new[] { GrainState, "/dashboard/Trace", "/dashboard/grainstate?grainId=0&grainType=x", "/dashboard/trace" })
        {
            using var refused = await admin.GetAsync(Url(path), headersOnly: true);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"admin {path}: {(int)refused.StatusCode}");
        }
        // By Bearer token as well as by cookie.
        using (var bearer = new HttpRequestMessage(HttpMethod.Get, Url(GrainState)))
        {
            bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.AdminToken);
            using var http = new HttpClient();
            Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(bearer)).StatusCode);
        }

        using var state = await superAdmin.GetAsync(Url(GrainState));
        Assert.True(state.StatusCode == HttpStatusCode.OK, $"super admin GrainState: {(int)state.StatusCode} {await state.Content.ReadAsStringAsync()}");
        // The log stream stays open for an hour: its status line is enough.
        using var trace = await superAdmin.GetAsync(Url("/dashboard/Trace"), headersOnly: true);
        Assert.Equal(HttpStatusCode.OK, trace.StatusCode);
    }

    private string Mint(string subject, string role, string audience, DateTimeOffset expires)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "gx-protocol",
            Audience = audience,
            IssuedAt = expires.AddMinutes(-10).UtcDateTime,
            NotBefore = expires.AddMinutes(-10).UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("role", role)]),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(fixture.SigningKey) { KeyId = "gx-hs256" }, SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private static string SubjectOf(string accessToken) => new JsonWebToken(accessToken).Subject;
}
