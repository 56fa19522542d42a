namespace GxProtocol.Silo.Hosting;

/// <summary>Ports and switches of the silo process (section <c>Gx:Host</c>), checked by <see cref="GxHostOptionsValidator"/>.</summary>
public sealed class GxHostOptions
{
    public const string SectionName = "Gx:Host";

    public const string DefaultBindAddress = "127.0.0.1";
    public const string DefaultAdvertisedAddress = "127.0.0.1";
    public const int DefaultApiPort = 3000;
    public const int DefaultOpsPort = 8080;
    public const int DefaultSiloPort = 11111;
    public const int DefaultGatewayPort = 30000;
    public const int DefaultDashboardSessionSeconds = 900;
    public const int DefaultShutdownTimeoutSeconds = 30;

    /// <summary>Where the HTTP ports listen; loopback unless a deployment opens it (0.0.0.0 in Kubernetes).</summary>
    public string BindAddress { get; set; } = DefaultBindAddress;

    /// <summary>All seven REST services on one port; 0 turns the co-hosted frontends off.</summary>
    public int ApiPort { get; set; } = DefaultApiPort;

    /// <summary>Health, metrics and the dashboard.</summary>
    public int OpsPort { get; set; } = DefaultOpsPort;

    public int SiloPort { get; set; } = DefaultSiloPort;
    public int GatewayPort { get; set; } = DefaultGatewayPort;

    public bool DashboardEnabled { get; set; } = true;

    /// <summary>Whether the dashboard needs an admin (Bearer token or session cookie); unset: in PostgreSQL mode only.</summary>
    public bool? DashboardRequiresAdmin { get; set; }

    /// <summary>How long a dashboard session cookie (<c>POST /dashboard/session</c>) lasts: 15 minutes by default.</summary>
    public int DashboardSessionSeconds { get; set; } = DefaultDashboardSessionSeconds;

    /// <summary>The address other silos reach this one at (PostgreSQL mode); loopback by default.</summary>
    public string AdvertisedAddress { get; set; } = DefaultAdvertisedAddress;

    /// <summary>
    /// Seconds a SIGTERM may take: graceful shutdown gets this long, then the process ends anyway (a silo whose
    /// database is gone would otherwise keep retrying its goodbye to the membership table).
    /// </summary>
    public int ShutdownTimeoutSeconds { get; set; } = DefaultShutdownTimeoutSeconds;
}
