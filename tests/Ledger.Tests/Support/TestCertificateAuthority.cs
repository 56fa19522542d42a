using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GxProtocol.Fabric.Identity;

namespace GxProtocol.Ledger.Tests.Support;

/// <summary>
/// A throwaway certificate authority made in memory for TLS tests: it issues a loopback server certificate and client
/// certificates, so no key material is kept in the repository or read from the machine.
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    private readonly X509Certificate2 _certificate;

    private TestCertificateAuthority(X509Certificate2 certificate)
    {
        _certificate = certificate;
        CertificatePem = certificate.ExportCertificatePem();
    }

    public string CertificatePem { get; }

    public static TestCertificateAuthority Create(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}, O=GX Protocol Tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var now = DateTimeOffset.UtcNow;
        return new TestCertificateAuthority(request.CreateSelfSigned(now.AddHours(-1), now.AddDays(2)));
    }

    /// <summary>A server certificate for 127.0.0.1 and localhost, the addresses a loopback DevLedger is dialled by.</summary>
    public PemIdentity IssueServer(string commonName = "devledger")
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        return Issue(commonName, ServerAuthentication, names.Build());
    }

    public PemIdentity IssueClient(string commonName) => Issue(commonName, ClientAuthentication, subjectAlternativeNames: null);

    public void Dispose() => _certificate.Dispose();

    private PemIdentity Issue(string commonName, Oid usage, X509Extension? subjectAlternativeNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}, O=GX Protocol Tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        if (subjectAlternativeNames is not null)
        {
            request.CertificateExtensions.Add(subjectAlternativeNames);
        }
        var now = DateTimeOffset.UtcNow;
        byte[] serial = RandomNumberGenerator.GetBytes(16);
        // Serial numbers are DER INTEGERs: a set top bit would make this one negative, which strict parsers refuse.
        serial[0] &= 0x7F;
        using var issued = request.Create(_certificate, now.AddMinutes(-30), now.AddDays(1), serial);
        return new PemIdentity(issued.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
