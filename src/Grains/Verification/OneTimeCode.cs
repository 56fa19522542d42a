using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GxProtocol.Grains.Verification;

/// <summary>
/// Six-digit codes, kept only as a salted SHA-256 hash. Six digits are few, so the hash alone would not resist a
/// search by someone who reads the storage; what protects a code is its short life and its few tries.
/// </summary>
public static class OneTimeCode
{
    public const int Digits = 6;

    public static string New() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    public static string NewSalt() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public static string Hash(string code, string salt, string purpose) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{purpose}\n{salt}\n{code}")));

    public static bool Matches(string presented, PendingCode pending, string purpose) =>
        presented.Length == Digits && presented.All(char.IsAsciiDigit) &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presented, pending.Salt, purpose)), Encoding.ASCII.GetBytes(pending.Hash));
}
