using GxProtocol.ApiFrontends.Infrastructure.Auth;

namespace GxProtocol.Backend.Tests.ApiInfrastructure;

public sealed class PasswordHasherTests
{
    [Fact]
    public void Hash_is_self_describing_salted_and_verifies()
    {
        var hash = PasswordHasher.Hash("correct horse battery staple");
        var parts = hash.Split('$');
        Assert.Equal("pbkdf2-sha256", parts[0]);
        Assert.True(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) >= 600_000);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);

        Assert.True(PasswordHasher.Verify("correct horse battery staple", hash));
        Assert.False(PasswordHasher.Verify("correct horse battery stapler", hash));
        Assert.False(PasswordHasher.Verify("", hash));
        Assert.NotEqual(hash, PasswordHasher.Hash("correct horse battery staple"));
        Assert.False(PasswordHasher.NeedsRehash(hash));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plaintext")]
    [InlineData("pbkdf2-sha256$abc$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$999999999$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$1000$!!!!$AAAA")]
    [InlineData("bcrypt$10$AAAA$AAAA")]
    public void Malformed_stored_hashes_never_verify(string stored)
    {
        Assert.False(PasswordHasher.Verify("anything", stored));
        Assert.True(PasswordHasher.NeedsRehash(stored));
    }

    [Fact]
    public void Weaker_stored_hashes_verify_but_ask_for_a_rehash()
    {
        var salt = new byte[16];
        var key = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2("pw"u8.ToArray(), salt, 1000,
            System.Security.Cryptography.HashAlgorithmName.SHA256, 32);
        var stored = $"pbkdf2-sha256$1000${Convert.ToBase64String(salt)}${Convert.ToBase64String(key)}";
        Assert.True(PasswordHasher.Verify("pw", stored));
        Assert.True(PasswordHasher.NeedsRehash(stored));
    }
}
