using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GxProtocol.Fabric.Identity;

/// <summary>PEM text of a certificate and its private key.</summary>
public sealed record PemIdentity(string CertificatePem, string PrivateKeyPem);

/// <summary>
/// Self-signed P-256 identities for the embedded DevLedger and tests: nothing to provision, never for production.
/// </summary>
public static class DevelopmentIdentity
{
    public static PemIdentity Create(string commonName, string organization = "GX Protocol Development")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddOrganizationName(organization);
        subject.AddCommonName(commonName);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        return new PemIdentity(certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    public static SigningIdentity CreateSigningIdentity(string mspId, string commonName)
    {
        var pem = Create(commonName);
        return SigningIdentity.FromPem(mspId, pem.CertificatePem, pem.PrivateKeyPem);
    }
}
