namespace GxProtocol.DevLedger.Configuration;

/// <summary>
/// Optional TLS for the gateway port (section <c>Gx:DevLedger:Tls</c>). Without a certificate the DevLedger serves
/// h2c, which is the development default. PEM material may be given inline (…Pem) or as a file path (…Path);
/// inline wins, as in <c>Gx:Fabric</c>.
/// </summary>
public sealed class DevLedgerTlsOptions
{
    /// <summary>The server certificate (PEM); its subject alternative names must cover the address clients dial.</summary>
    public string? CertificatePem { get; set; }
    public string? CertificatePath { get; set; }

    /// <summary>The server certificate's private key (PEM, PKCS#8, SEC1 or PKCS#1).</summary>
    public string? PrivateKeyPem { get; set; }
    public string? PrivateKeyPath { get; set; }

    /// <summary>
    /// CA certificate(s) (PEM) for mutual TLS: when set, every client must present a certificate that chains to one of
    /// them, as a Fabric peer with <c>clientAuthRequired</c> and <c>clientRootCAs</c> does.
    /// </summary>
    public string? ClientCaCertificatePem { get; set; }
    public string? ClientCaCertificatePath { get; set; }

    /// <summary>True when a server certificate is configured, inline or by path.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePem) || !string.IsNullOrWhiteSpace(CertificatePath);

    internal static string? Resolve(string? inline, string? path) =>
        !string.IsNullOrWhiteSpace(inline) ? inline
        : !string.IsNullOrWhiteSpace(path) ? File.ReadAllText(path)
        : null;
}
