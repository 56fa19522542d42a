using System.Security.Cryptography;
using System.Text;

namespace GxProtocol.Contract;

/// <summary>
/// Identifiers created on chain (loans, proposals, multi-signature transactions): a GUID-shaped hash of a seed and
/// what is being created. The seed is the backend's request id when the transaction carries one, so the backend
/// knows the id before the ledger commits and a resubmission under a new transaction id creates nothing twice;
/// otherwise it is the transaction id. Either way every endorsing peer derives the same id.
/// </summary>
public static class GxIds
{
    public const string Loan = "loan";
    public const string Proposal = "proposal";
    public const string MultiSigTx = "multisig";

    public static string For(string seed, string purpose)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(purpose + "\n" + seed));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }

    /// <summary>The id the chaincode gives what a request with <paramref name="requestId"/> creates.</summary>
    public static Guid ForRequest(Guid requestId, string purpose) => Guid.Parse(For(requestId.ToString("D"), purpose));
}
