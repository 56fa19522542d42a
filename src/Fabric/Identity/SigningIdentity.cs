using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using GxProtocol.Fabric.Protos.Msp;

namespace GxProtocol.Fabric.Identity;

/// <summary>
/// A Fabric client identity: an X.509 certificate with its ECDSA P-256 private key, and the MSP that issued it.
/// <see cref="Creator"/> is what goes into every signature header and commit-status request.
/// </summary>
public sealed class SigningIdentity : IDisposable
{
    private readonly ECDsa _privateKey;

    private SigningIdentity(string mspId, string certificatePem, ECDsa privateKey)
    {
        MspId = mspId;
        CertificatePem = certificatePem;
        _privateKey = privateKey;
        Creator = new SerializedIdentity { Mspid = mspId, IdBytes = ByteString.CopyFromUtf8(certificatePem) }.ToByteString();
    }

    public string MspId { get; }

    public string CertificatePem { get; }

    /// <summary>The serialized msp.SerializedIdentity{mspid, id_bytes = PEM certificate}.</summary>
    public ByteString Creator { get; }

    /// <summary>Loads an identity; throws <see cref="ArgumentException"/> naming what is wrong with the PEM text.</summary>
    public static SigningIdentity FromPem(string mspId, string certificatePem, string privateKeyPem)
    {
        if (string.IsNullOrWhiteSpace(mspId))
        {
            throw new ArgumentException("The MSP id is required.", nameof(mspId));
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(certificatePem);
        }
        catch (CryptographicException exception)
        {
            throw new ArgumentException($"The certificate is not a PEM X.509 certificate: {exception.Message}", nameof(certificatePem), exception);
        }

        using (certificate)
        {
            using var certificateKey = certificate.GetECDsaPublicKey()
                ?? throw new ArgumentException("The certificate does not carry an ECDSA public key.", nameof(certificatePem));
            var key = ECDsa.Create();
            try
            {
                key.ImportFromPem(privateKeyPem);
            }
            catch (Exception exception) when (exception is ArgumentException or CryptographicException)
            {
                key.Dispose();
                throw new ArgumentException($"The private key is not a PEM ECDSA key: {exception.Message}", nameof(privateKeyPem), exception);
            }

            var keyParameters = key.ExportParameters(false);
            var certificateParameters = certificateKey.ExportParameters(false);
            if (key.KeySize != 256 || !keyParameters.Q.X!.AsSpan().SequenceEqual(certificateParameters.Q.X)
                || !keyParameters.Q.Y!.AsSpan().SequenceEqual(certificateParameters.Q.Y))
            {
                key.Dispose();
                throw new ArgumentException("The private key is not a P-256 key matching the certificate's public key.", nameof(privateKeyPem));
            }
            return new SigningIdentity(mspId, certificatePem, key);
        }
    }

    /// <summary>ECDSA over SHA-256 of <paramref name="message"/>, DER-encoded, low-S, as Fabric expects.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        Span<byte> raw = stackalloc byte[64];
        if (!_privateKey.TrySignData(message, raw, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation, out int written))
        {
            throw new CryptographicException("ECDSA signing produced an unexpected signature size.");
        }
        return LowSSignatures.ToLowSDer(raw[..written]);
    }

    public ByteString SignToByteString(ByteString message) => UnsafeByteOperations.UnsafeWrap(Sign(message.Span));

    public void Dispose() => _privateKey.Dispose();
}
