using System.Net;
using System.Net.Http.Headers;
using GxProtocol.ApiFrontends.Infrastructure;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.Backend.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace GxProtocol.Backend.Tests.ApiInfrastructure;

public sealed class AuthTests : IAsyncLifetime
{
    private TestApi _api = null!;

    public async Task InitializeAsync() => _api = await TestApi.StartAsync(Map);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static void Map(WebApplication app)
    {
        app.MapGet("/identity/api/v1/me", (HttpContext http) =>
                TypedResults.Ok(new { userId = http.User.GetUserId(), admin = http.User.IsAdmin(), name = http.User.Identity!.Name }))
            .RequireAuthorization();
        app.MapGet("/admin/api/v1/counters", () => TypedResults.Ok()).RequireAuthorization(GxPolicies.Admin);
        app.MapPost("/admin/api/v1/bootstrap", () => TypedResults.Ok()).RequireAuthorization(GxPolicies.SuperAdmin);
    }

    private string Issue(Guid userId, string role, TimeProvider? clock = null)
    {
        var issuer = clock is null
            ? _api.Services.GetRequiredService<AccessTokenIssuer>()
            : new AccessTokenIssuer(_api.Services.GetRequiredService<IOptions<JwtOptions>>(), clock);
        return issuer.Issue(userId, "user@example.com", role).Token;
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await _api.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task Issued_token_authenticates_with_sub_as_user_id_and_name()
    {
        var userId = Guid.NewGuid();
        var response = await GetAsync("/identity/api/v1/me", Issue(userId, GxRoles.User));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"\"userId\":\"{userId}\"", body, StringComparison.Ordinal);
        Assert.Contains("\"admin\":false", body, StringComparison.Ordinal);
        Assert.Contains($"\"name\":\"{userId}\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_carries_short_claims_and_expires_after_the_configured_minutes()
    {
        var clock = new FixedClock(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var issued = new AccessTokenIssuer(_api.Services.GetRequiredService<IOptions<JwtOptions>>(), clock)
            .Issue(Guid.NewGuid(), "a@b.io", GxRoles.Admin);
        // An admin's token lives Gx:Jwt:AdminAccessTokenMinutes (default 5), a user's AccessTokenMinutes (default 15).
        Assert.Equal(clock.Now.AddMinutes(5), issued.ExpiresAt);
        var user = new AccessTokenIssuer(_api.Services.GetRequiredService<IOptions<JwtOptions>>(), clock).Issue(Guid.NewGuid(), "u@b.io", GxRoles.User);
        Assert.Equal(clock.Now.AddMinutes(15), user.ExpiresAt);
        var jwt = new JsonWebToken(issued.Token);
        Assert.Equal("HS256", jwt.Alg);
        Assert.Equal("admin", jwt.GetClaim("role").Value);
        Assert.Equal("a@b.io", jwt.GetClaim("email").Value);
        Assert.Equal("gx-protocol", jwt.Issuer);
        Assert.Equal(["gx-api"], jwt.Audiences);
    }

    [Fact]
    public async Task Missing_token_is_401_problem()
    {
        var response = await GetAsync("/identity/api/v1/me", null);
        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized, ProblemCodes.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task Token_signed_with_another_key_is_401_problem()
    {
        var foreignOptions = Options.Create(new JwtOptions { SigningKey = JwtOptions.GenerateDevelopmentKey() });
        var forged = new AccessTokenIssuer(foreignOptions, TimeProvider.System).Issue(Guid.NewGuid(), "x@y.z", GxRoles.SuperAdmin).Token;
        var response = await GetAsync("/identity/api/v1/me", forged);
        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized, ProblemCodes.Unauthorized);
    }

    [Fact]
    public async Task Expired_token_is_401_problem()
    {
        var hourAgo = new FixedClock(DateTimeOffset.UtcNow.AddHours(-1));
        var response = await GetAsync("/identity/api/v1/me", Issue(Guid.NewGuid(), GxRoles.User, hourAgo));
        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized, ProblemCodes.Unauthorized);
    }

    [Theory]
    [InlineData(GxRoles.User, "/admin/api/v1/counters", HttpStatusCode.Forbidden)]
    [InlineData(GxRoles.Admin, "/admin/api/v1/counters", HttpStatusCode.OK)]
    [InlineData(GxRoles.SuperAdmin, "/admin/api/v1/counters", HttpStatusCode.OK)]
    [InlineData(GxRoles.Admin, "/admin/api/v1/bootstrap", HttpStatusCode.Forbidden)]
    [InlineData(GxRoles.SuperAdmin, "/admin/api/v1/bootstrap", HttpStatusCode.OK)]
    public async Task Role_policies(string role, string path, HttpStatusCode expected)
    {
        var request = new HttpRequestMessage(path.EndsWith("bootstrap", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Issue(Guid.NewGuid(), role));
        var response = await _api.CreateClient().SendAsync(request);
        if (expected == HttpStatusCode.Forbidden)
        {
            await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Forbidden, ProblemCodes.Forbidden);
        }
        else
        {
            Assert.Equal(expected, response.StatusCode);
        }
    }

    [Fact]
    public void Refresh_tokens_are_random_base64url_and_hash_to_sha256_hex()
    {
        var first = RefreshTokens.Create();
        var second = RefreshTokens.Create();
        Assert.NotEqual(first, second);
        Assert.Equal(43, first.Length);
        Assert.DoesNotContain('+', first);
        Assert.DoesNotContain('/', first);
        Assert.DoesNotContain('=', first);
        Assert.Matches("^[0-9a-f]{64}$", RefreshTokens.Hash(first));
        Assert.Equal(RefreshTokens.Hash(first), RefreshTokens.Hash(first));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", RefreshTokens.Hash("abc"));
    }

    [Theory]
    [InlineData(null, "Gx:Jwt:SigningKey is required")]
    [InlineData("not base64!", "Gx:Jwt:SigningKey is not valid base64")]
    [InlineData("c2hvcnQ=", "Gx:Jwt:SigningKey decodes to 5 bytes")]
    public async Task Bad_signing_key_stops_start_up_naming_the_key(string? key, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApi.StartAsync(Map,
            new Dictionary<string, string?> { ["Gx:Jwt:SigningKey"] = key ?? "" }));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generated_development_key_is_used_only_when_none_is_configured()
    {
        await using var api = await TestApi.StartAsync(Map, new Dictionary<string, string?> { ["Gx:Jwt:SigningKey"] = "" },
            services => services.AddGeneratedJwtSigningKeyWhenMissing());
        var key = api.Services.GetRequiredService<IOptions<JwtOptions>>().Value.SigningKey;
        Assert.Equal(32, Convert.FromBase64String(key!).Length);
        Assert.Equal(key, api.Services.GetRequiredService<IOptions<JwtOptions>>().Value.SigningKey);

        var token = api.Services.GetRequiredService<AccessTokenIssuer>().Issue(Guid.NewGuid(), "a@b.io", GxRoles.User).Token;
        var request = new HttpRequestMessage(HttpMethod.Get, "/identity/api/v1/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().SendAsync(request)).StatusCode);

        await using var configured = await TestApi.StartAsync(Map, configureServices: services => services.AddGeneratedJwtSigningKeyWhenMissing());
        Assert.Equal(TestApi.SigningKey, configured.Services.GetRequiredService<IOptions<JwtOptions>>().Value.SigningKey);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now => now;

        public override DateTimeOffset GetUtcNow() => now;
    }
}
