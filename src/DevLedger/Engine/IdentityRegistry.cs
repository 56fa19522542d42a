using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using GxProtocol.DevLedger.Configuration;
using GxProtocol.Fabric.Identity;

namespace GxProtocol.DevLedger.Engine;

/// <summary>A creator the ledger has parsed: its certificate (to verify signatures) and its configured role.</summary>
public sealed record KnownCreator(CertificateIdentity Identity, string? Role);

/// <summary>
/// Parses creators once (certificate parsing is costly and every request repeats the same creator) and maps them
/// to roles by certificate thumbprint, or by MSP id and subject common name.
/// </summary>
internal sealed class IdentityRegistry(DevLedgerOptions options)
{
    private readonly ConcurrentDictionary<ByteString, KnownCreator> _creators = new();

    private readonly Dictionary<string, string> _rolesByThumbprint = options.Identities
        .Select(identity => (Thumbprint: ThumbprintOf(identity), identity.Role))
        .Where(entry => entry.Thumbprint is not null)
        .GroupBy(entry => entry.Thumbprint!, StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => group.Last().Role, StringComparer.Ordinal);

    /// <summary>The parsed creator; throws <see cref="FormatException"/> for a malformed one.</summary>
    public KnownCreator Resolve(ByteString creator)
    {
        if (_creators.TryGetValue(creator, out var known))
        {
            return known;
        }
        var identity = CertificateIdentity.Parse(creator);
        known = new KnownCreator(identity, RoleOf(identity));
        // Bounded: a flood of distinct creators must not grow memory without limit.
        if (_creators.Count < 10_000)
        {
            _creators.TryAdd(creator, known);
        }
        return known;
    }

    private string? RoleOf(CertificateIdentity identity)
    {
        if (_rolesByThumbprint.TryGetValue(identity.Thumbprint, out var role))
        {
            return role;
        }
        foreach (var entry in options.Identities)
        {
            if (entry.CertificatePem is not null || entry.CertificateThumbprint is not null)
            {
                continue;
            }
            bool mspMatches = entry.MspId is null || entry.MspId == identity.MspId;
            bool nameMatches = entry.CommonName is null || entry.CommonName == identity.CommonName;
            if (mspMatches && nameMatches)
            {
                return entry.Role;
            }
        }
        return options.DefaultRole;
    }

    private static string? ThumbprintOf(DevLedgerIdentityOptions identity)
    {
        if (identity.CertificateThumbprint is not null)
        {
            return identity.CertificateThumbprint.Replace(":", "", StringComparison.Ordinal).ToLowerInvariant();
        }
        if (identity.CertificatePem is null)
        {
            return null;
        }
        using var certificate = X509Certificate2.CreateFromPem(identity.CertificatePem);
        return Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));
    }
}
