using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GxProtocol.DevLedger.Configuration;

namespace GxProtocol.DevLedger.Hosting;

/// <summary>
/// The certificates <see cref="DevLedgerTlsOptions"/> names, loaded once: the server certificate with its key and
/// the CAs a client certificate must chain to for mutual TLS.
/// </summary>
internal sealed class DevLedgerTlsMaterial : IDisposable
{
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2", "Client Authentication");

    private DevLedgerTlsMaterial(X509Certificate2 serverCertificate, X509Certificate2Collection? clientCas)
    {
        ServerCertificate = serverCertificate;
        ClientCas = clientCas;
    }

    public X509Certificate2 ServerCertificate { get; }

    /// <summary>Null when client certificates are not asked for.</summary>
    public X509Certificate2Collection? ClientCas { get; }

    /// <summary>
    /// Loads the material; throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> for an unreadable
    /// path and <see cref="CryptographicException"/> or <see cref="ArgumentException"/> for PEM that is not what it should be.
    /// <see cref="DevLedgerOptionsValidator"/> turns these into messages naming the key before the host gets here.
    /// </summary>
    public static DevLedgerTlsMaterial Load(DevLedgerTlsOptions tls)
    {
        string certificatePem = DevLedgerTlsOptions.Resolve(tls.CertificatePem, tls.CertificatePath)
            ?? throw new ArgumentException("no TLS server certificate is configured");
        string keyPem = DevLedgerTlsOptions.Resolve(tls.PrivateKeyPem, tls.PrivateKeyPath)
            ?? throw new ArgumentException("no private key is configured for the TLS server certificate");
        // Every file is read before any certificate exists, so a failed read leaves nothing to dispose.
        string? clientCaPem = DevLedgerTlsOptions.Resolve(tls.ClientCaCertificatePem, tls.ClientCaCertificatePath);
        using var ephemeral = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        // A PEM-loaded key is ephemeral, which SslStream cannot use on Windows; a PKCS#12 round trip gives it a
        // persisted key container there and costs nothing that matters elsewhere.
        var serverCertificate = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);

        X509Certificate2Collection? clientCas = null;
        if (clientCaPem is not null)
        {
            try
            {
                clientCas = [];
                clientCas.ImportFromPem(clientCaPem);
                if (clientCas.Count == 0)
                {
                    throw new ArgumentException("the client CA PEM contains no certificate");
                }
            }
            catch
            {
                serverCertificate.Dispose();
                throw;
            }
        }
        return new DevLedgerTlsMaterial(serverCertificate, clientCas);
    }

    /// <summary>
    /// A client certificate is accepted when it chains to one of the configured CAs (and only those: the machine's trust
    /// store must not admit clients) and may be used for client authentication, as Go's TLS server in a Fabric peer checks.
    /// </summary>
    public bool AcceptsClient(X509Certificate2 clientCertificate)
    {
        if (ClientCas is null)
        {
            return true;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(ClientCas);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(ClientAuthentication);
        return chain.Build(clientCertificate);
    }

    public void Dispose()
    {
        ServerCertificate.Dispose();
        foreach (var certificate in ClientCas ?? [])
        {
            certificate.Dispose();
        }
    }
}
