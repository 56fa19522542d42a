namespace GxProtocol.Fabric.Configuration;

/// <summary>
/// How to reach a Fabric Gateway peer and who we are on it (config section <c>Gx:Fabric</c>). PEM material may be
/// given inline (…Pem) or as a file path (…Path); inline wins.
/// </summary>
public sealed class FabricOptions
{
    public const string SectionName = "Gx:Fabric";

    public const string DefaultEndpoint = "http://127.0.0.1:7051";
    public const string DefaultChannelName = "gxchannel";
    public const string DefaultChaincodeName = "gxtv3";

    // Timeouts as in the official Fabric Gateway clients.
    public static readonly TimeSpan DefaultEvaluateTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultEndorseTimeout = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan DefaultSubmitTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultCommitStatusTimeout = TimeSpan.FromMinutes(1);

    /// <summary>Gateway peer, e.g. <c>http://127.0.0.1:7051</c> (h2c, DevLedger) or <c>https://peer0.org1:7051</c>.</summary>
    public string Endpoint { get; set; } = DefaultEndpoint;

    public string MspId { get; set; } = "";

    public string? CertificatePem { get; set; }
    public string? CertificatePath { get; set; }
    public string? PrivateKeyPem { get; set; }
    public string? PrivateKeyPath { get; set; }

    /// <summary>CA that signed the peer's TLS certificate; when absent the system trust store is used.</summary>
    public string? TlsCaCertificatePem { get; set; }
    public string? TlsCaCertificatePath { get; set; }

    /// <summary>Client certificate and key for mutual TLS.</summary>
    public string? TlsClientCertificatePem { get; set; }
    public string? TlsClientCertificatePath { get; set; }
    public string? TlsClientKeyPem { get; set; }
    public string? TlsClientKeyPath { get; set; }

    /// <summary>Organisations whose peers must endorse (empty: let the gateway choose from the endorsement policy).</summary>
    public List<string> EndorsingOrganizations { get; set; } = [];

    public string ChannelName { get; set; } = DefaultChannelName;
    public string ChaincodeName { get; set; } = DefaultChaincodeName;

    public TimeSpan EvaluateTimeout { get; set; } = DefaultEvaluateTimeout;
    public TimeSpan EndorseTimeout { get; set; } = DefaultEndorseTimeout;
    public TimeSpan SubmitTimeout { get; set; } = DefaultSubmitTimeout;
    public TimeSpan CommitStatusTimeout { get; set; } = DefaultCommitStatusTimeout;

    internal static string? Resolve(string? inline, string? path) =>
        !string.IsNullOrWhiteSpace(inline) ? inline
        : !string.IsNullOrWhiteSpace(path) ? File.ReadAllText(path)
        : null;
}
