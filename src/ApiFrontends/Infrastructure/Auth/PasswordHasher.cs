using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GxProtocol.ApiFrontends.Infrastructure.Auth;

/// <summary>
/// PBKDF2-HMAC-SHA256 in a self-describing string <c>pbkdf2-sha256$iterations$salt$hash</c> (base64 parts), so the
/// work factor can rise later without invalidating stored hashes (<see cref="NeedsRehash"/>).
/// </summary>
public static class PasswordHasher
{
    /// <summary>OWASP's current recommendation for PBKDF2-HMAC-SHA256; older hashes are upgraded at the next login.</summary>
    public const int Iterations = 600_000;
    public const int SaltBytes = 16;
    public const int KeyBytes = 32;
    private const string Scheme = "pbkdf2-sha256";

    // A stored string cannot ask for unbounded work: verification of a tampered hash must stay cheap.
    private const int MaxIterations = 10_000_000;

    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var key = Derive(password, salt, Iterations);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture),
            Convert.ToBase64String(salt), Convert.ToBase64String(key));
    }

    /// <summary>Constant-time comparison; a malformed stored hash verifies as false rather than throwing.</summary>
    public static bool Verify(string password, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!TryParse(storedHash, out var iterations, out var salt, out var expected))
        {
            return false;
        }
        var actual = Derive(password, salt, iterations, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    // A hash of nothing anyone knows, at the current work factor: verified against when the address is unknown.
    private static readonly Lazy<string> Decoy = new(() => Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));

    /// <summary>
    /// Spends the work of one verification and fails: a login for an unknown address takes as long as a wrong password,
    /// so timing does not tell which addresses exist.
    /// </summary>
    public static bool VerifyAgainstDecoy(string password) => Verify(password, Decoy.Value) && false;

    public static bool NeedsRehash(string storedHash) =>
        !TryParse(storedHash, out var iterations, out var salt, out var key) ||
        iterations < Iterations || salt.Length < SaltBytes || key.Length < KeyBytes;

    private static byte[] Derive(string password, byte[] salt, int iterations, int length = KeyBytes) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, length);

    private static bool TryParse(string? stored, out int iterations, out byte[] salt, out byte[] key)
    {
        iterations = 0;
        salt = key = [];
        var parts = stored?.Split('$');
        if (parts is not { Length: 4 } || parts[0] != Scheme ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) ||
            iterations is < 1 or > MaxIterations)
        {
            return false;
        }
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            key = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }
        return salt.Length > 0 && key.Length is > 0 and <= 64;
    }
}
