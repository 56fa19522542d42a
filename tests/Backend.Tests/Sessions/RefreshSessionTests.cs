using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GxProtocol.ApiFrontends.Infrastructure;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Backend.Tests.Sessions;

/// <summary>
/// Issue 10 point 8: reuse of a rotated refresh token revokes its family, sessions have an absolute lifetime, a user
/// can log out everywhere, and a denied user's refresh fails.
/// </summary>
public sealed class RefreshSessionTests(IdentityApiFixture api) : IClassFixture<IdentityApiFixture>
{
    private const string Password = "refresh session password";

    private async Task<(Guid UserId, string Email)> NewUserAsync() => await api.PlantUserAsync(PasswordHasher.Hash(Password));

    private async Task<string> LoginAsync(string email) => await IdentityApiFixture.RefreshTokenOf(await api.LoginAsync(email, Password));

    private static async Task AssertRefusedAsync(HttpResponseMessage response) =>
        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "invalid_refresh_token");

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_revokes_the_whole_family_and_only_that_family()
    {
        var (_, email) = await NewUserAsync();
        var first = await LoginAsync(email);
        var otherDevice = await LoginAsync(email);
        var second = await IdentityApiFixture.RefreshTokenOf(await api.RefreshAsync(first));

        await AssertRefusedAsync(await api.RefreshAsync(first));   // the stolen copy replayed
        await AssertRefusedAsync(await api.RefreshAsync(second));  // so the legitimate holder is logged out too

        Assert.Equal(HttpStatusCode.OK, (await api.RefreshAsync(otherDevice)).StatusCode);
    }

    [Fact]
    public async Task Logout_everywhere_revokes_every_session_of_the_caller()
    {
        var (_, email) = await NewUserAsync();
        var phone = await LoginAsync(email);
        var login = await api.LoginAsync(email, Password);
        var laptop = await IdentityApiFixture.RefreshTokenOf(login);
        var accessToken = JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/identity/api/v1/auth/logout-all");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        Assert.Equal(HttpStatusCode.NoContent, (await api.Client().SendAsync(request)).StatusCode);

        await AssertRefusedAsync(await api.RefreshAsync(phone));
        await AssertRefusedAsync(await api.RefreshAsync(laptop));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Client().PostAsJsonAsync("/identity/api/v1/auth/logout-all", new { })).StatusCode);
    }

    [Fact]
    public async Task A_session_ends_at_its_absolute_lifetime_however_often_it_is_rotated()
    {
        var (userId, _) = await NewUserAsync();
        var user = api.Grains.GetGrain<IUserGrain>(userId);
        var now = DateTimeOffset.UtcNow;
        // A family whose absolute end has passed, its current token still within its own 30 days.
        await user.StoreRefreshTokenAsync(RefreshTokens.Hash("old-session"), now.AddDays(30), now.AddSeconds(-1));
        Assert.False(await user.RotateRefreshTokenAsync(RefreshTokens.Hash("old-session"), RefreshTokens.Hash("next"), now.AddDays(30)));

        // A live family: rotation never carries the new token past the family's end.
        await user.StoreRefreshTokenAsync(RefreshTokens.Hash("live-session"), now.AddDays(30), now.AddMinutes(10));
        Assert.True(await user.RotateRefreshTokenAsync(RefreshTokens.Hash("live-session"), RefreshTokens.Hash("rotated"), now.AddDays(30)));
        Assert.True(await user.RotateRefreshTokenAsync(RefreshTokens.Hash("rotated"), RefreshTokens.Hash("rotated-again"), now.AddDays(30)));
    }

    [Fact]
    public async Task A_denied_users_refresh_fails()
    {
        var (userId, email) = await NewUserAsync();
        var token = await LoginAsync(email);
        var user = api.Grains.GetGrain<IUserGrain>(userId);
        await new GrainJourney(api.Grains).VerifyEmailAsync(userId, email);
        await user.SubmitKycAsync(new KycSubmission(new string('d', 64), 10, "application/pdf"));
        await user.DenyAsync("documents do not match");

        await AssertRefusedAsync(await api.RefreshAsync(token));
    }
}
