using System.Security.Cryptography;
using System.Text;

namespace GxProtocol.DevLedger.Chaincode;

/// <summary>
/// Identifiers created on chain: a GUID-shaped hash of the transaction id and what is being created, so every
/// endorsing peer (and every replay of the same transaction) derives the same id and nothing random is involved.
/// </summary>
internal static class DeterministicIds
{
    public static string For(string transactionId, string purpose)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(purpose + "\n" + transactionId));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }
}
