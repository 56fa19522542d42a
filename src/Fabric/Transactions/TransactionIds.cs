using System.Security.Cryptography;
using System.Text;

namespace GxProtocol.Fabric.Transactions;

/// <summary>
/// Fabric transaction ids: hex(SHA-256(nonce || creator)). The nonce of a submitted command is derived from the
/// command id, so resubmitting the same command (after a crash or timeout) always carries the same transaction id
/// and the ledger refuses the second copy as DUPLICATE_TXID instead of applying it twice.
/// </summary>
public static class TransactionIds
{
    public const int NonceLength = 24;

    // A fixed domain-separation key: the nonce must depend only on the command id, and must not collide with
    // nonces other tools might derive from the same strings with a plain hash.
    private static readonly byte[] NonceKey = Encoding.UTF8.GetBytes("gx-protocol/fabric/command-nonce/v1");

    public static byte[] NonceForCommand(string commandId)
    {
        ArgumentException.ThrowIfNullOrEmpty(commandId);
        return HMACSHA256.HashData(NonceKey, Encoding.UTF8.GetBytes(commandId))[..NonceLength];
    }

    public static byte[] RandomNonce() => RandomNumberGenerator.GetBytes(NonceLength);

    public static string Compute(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> creator)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(nonce);
        hash.AppendData(creator);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
