namespace GxProtocol.DevLedger.Configuration;

/// <summary>The development ledger (config section <c>Gx:DevLedger</c>).</summary>
public sealed class DevLedgerOptions
{
    public const string SectionName = "Gx:DevLedger";

    public const int DefaultPort = 7051;
    public const string DefaultChannelName = "gxchannel";
    public const string DefaultChaincodeName = "gxtv3";
    public const string DefaultPeerMspId = "GxDevLedgerMSP";
    public const int DefaultMaxTransactionsPerBlock = 500;
    public static readonly TimeSpan DefaultBatchTimeout = TimeSpan.FromMilliseconds(50);

    /// <summary>Loopback port for the Gateway gRPC service (127.0.0.1 only; h2c unless <see cref="Tls"/> is set); 0 picks any free port.</summary>
    public int Port { get; set; } = DefaultPort;

    public string ChannelName { get; set; } = DefaultChannelName;
    public string ChaincodeName { get; set; } = DefaultChaincodeName;

    /// <summary>MSP id of the DevLedger's own endorsing identity.</summary>
    public string PeerMspId { get; set; } = DefaultPeerMspId;

    /// <summary>Block cutting: at most this many transactions per block (Fabric's orderer default is 500).</summary>
    public int MaxTransactionsPerBlock { get; set; } = DefaultMaxTransactionsPerBlock;

    /// <summary>
    /// Block cutting: a block is cut this long after its first transaction arrived. Fabric's orderer default is 2 s;
    /// the development default is short so an embedded silo sees commits quickly.
    /// </summary>
    public TimeSpan BatchTimeout { get; set; } = DefaultBatchTimeout;

    /// <summary>With a directory the chain is appended to a block file there and survives restart; without, memory only.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Client identities and their roles (super_admin, admin, partner_api).</summary>
    public List<DevLedgerIdentityOptions> Identities { get; set; } = [];

    /// <summary>Role of an identity that matches no entry in <see cref="Identities"/>; null refuses such identities.</summary>
    public string? DefaultRole { get; set; }

    public DevLedgerFaultOptions Faults { get; set; } = new();

    /// <summary>TLS (and optionally mutual TLS) on the gateway port; empty keeps h2c.</summary>
    public DevLedgerTlsOptions Tls { get; set; } = new();

    /// <summary>Registers a client certificate (PEM) with a role, e.g. the embedded silo's identity as super_admin.</summary>
    public DevLedgerOptions AddIdentity(string certificatePem, string role)
    {
        Identities.Add(new DevLedgerIdentityOptions { CertificatePem = certificatePem, Role = role });
        return this;
    }
}
