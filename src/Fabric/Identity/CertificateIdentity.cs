using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using GxProtocol.Fabric.Protos.Msp;

namespace GxProtocol.Fabric.Identity;

/// <summary>
/// The verifying side of a creator: the MSP id and certificate from a serialized identity, able to check
/// signatures the way a Fabric peer does (ECDSA P-256 / SHA-256, DER, low-S only).
/// </summary>
public sealed class CertificateIdentity : IDisposable
{
    private readonly ECDsa _publicKey;

    private CertificateIdentity(string mspId, X509Certificate2 certificate, ECDsa publicKey)
    {
        MspId = mspId;
        Certificate = certificate;
        _publicKey = publicKey;
        Thumbprint = Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));
        CommonName = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
    }

    public string MspId { get; }

    public X509Certificate2 Certificate { get; }

    /// <summary>Lower-case hex SHA-256 of the DER certificate.</summary>
    public string Thumbprint { get; }

    public string CommonName { get; }

    /// <summary>Parses a serialized msp.SerializedIdentity; throws <see cref="FormatException"/> when it is not one.</summary>
    public static CertificateIdentity Parse(ByteString serializedIdentity)
    {
        SerializedIdentity identity;
        try
        {
            identity = SerializedIdentity.Parser.ParseFrom(serializedIdentity);
        }
        catch (InvalidProtocolBufferException exception)
        {
            throw new FormatException("creator is malformed", exception);
        }
        if (identity.Mspid.Length == 0)
        {
            throw new FormatException("creator has no MSP id");
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(identity.IdBytes.ToStringUtf8());
        }
        catch (CryptographicException exception)
        {
            throw new FormatException("creator certificate is not a PEM X.509 certificate", exception);
        }
        var key = certificate.GetECDsaPublicKey();
        if (key is null || key.KeySize != 256)
        {
            key?.Dispose();
            certificate.Dispose();
            throw new FormatException("creator certificate does not carry a P-256 public key");
        }
        return new CertificateIdentity(identity.Mspid, certificate, key);
    }

    /// <summary>True when <paramref name="derSignature"/> is a low-S ECDSA signature of SHA-256(<paramref name="message"/>) by this certificate.</summary>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> derSignature)
    {
        if (!LowSSignatures.TryDecodeDer(derSignature, out _, out var s) || !LowSSignatures.IsLowS(s))
        {
            return false;
        }
        return _publicKey.VerifyData(message, derSignature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    public void Dispose()
    {
        _publicKey.Dispose();
        Certificate.Dispose();
    }
}
