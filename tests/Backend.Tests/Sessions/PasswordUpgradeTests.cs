using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Backend.Tests.Sessions;

/// <summary>Issue 10 point 9: hashes stored at an older work factor are upgraded at the next successful login.</summary>
public sealed class PasswordUpgradeTests(IdentityApiFixture api) : IClassFixture<IdentityApiFixture>
{
    private static string WeakHash(string password, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var key = Rfc2898DeriveBytes.Pbkdf2(System.Text.Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2-sha256${iterations.ToString(CultureInfo.InvariantCulture)}${Convert.ToBase64String(salt)}${Convert.ToBase64String(key)}";
    }

    private static int IterationsOf(string stored) => int.Parse(stored.Split('$')[1], CultureInfo.InvariantCulture);

    [Fact]
    public void New_hashes_use_600000_iterations()
    {
        Assert.Equal(600_000, IterationsOf(PasswordHasher.Hash("correct horse battery staple")));
        Assert.True(PasswordHasher.NeedsRehash(WeakHash("pw", 210_000)));
    }

    [Fact]
    public async Task A_login_with_a_210000_iteration_hash_succeeds_and_stores_a_600000_iteration_hash()
    {
        const string password = "an older release stored this";
        var (userId, email) = await api.PlantUserAsync(WeakHash(password, 210_000));

        var login = await api.LoginAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        var stored = (await api.Grains.GetGrain<IUserGrain>(userId).GetCredentialsAsync())!.PasswordHash;
        Assert.Equal(600_000, IterationsOf(stored));
        Assert.True(PasswordHasher.Verify(password, stored));
        Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync(email, password)).StatusCode);
    }

    [Fact]
    public async Task A_failed_login_leaves_the_stored_hash_alone()
    {
        var weak = WeakHash("the right password", 1000);
        var (userId, email) = await api.PlantUserAsync(weak);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.LoginAsync(email, "the wrong password")).StatusCode);

        Assert.Equal(weak, (await api.Grains.GetGrain<IUserGrain>(userId).GetCredentialsAsync())!.PasswordHash);
    }

    [Fact]
    public async Task An_upgrade_never_overwrites_a_hash_changed_meanwhile()
    {
        var (userId, _) = await api.PlantUserAsync(WeakHash("pw one", 1000));
        var user = api.Grains.GetGrain<IUserGrain>(userId);
        var current = (await user.GetCredentialsAsync())!.PasswordHash;
        Assert.True(await user.UpgradePasswordHashAsync(current, "pbkdf2-sha256$600000$AAAA$AAAA"));
        Assert.False(await user.UpgradePasswordHashAsync(current, "pbkdf2-sha256$600000$BBBB$BBBB"));
        Assert.Equal("pbkdf2-sha256$600000$AAAA$AAAA", (await user.GetCredentialsAsync())!.PasswordHash);
    }
}
