using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GxProtocol.Backend.Tests.Edge;

/// <summary>A throwaway self-signed certificate for 127.0.0.1, written as PEM files for nginx.</summary>
public sealed record TestCertificate(string CertificatePath, string KeyPath, X509Certificate2 Certificate)
{
    public static TestCertificate Create(string directory, string name, TimeSpan validFor)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now + validFor);
        var certificatePath = Path.Combine(directory, name + ".crt");
        var keyPath = Path.Combine(directory, name + ".key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return new TestCertificate(certificatePath, keyPath, X509CertificateLoader.LoadCertificate(certificate.RawData));
    }
}
