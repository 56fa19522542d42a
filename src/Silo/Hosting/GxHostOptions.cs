using System.ComponentModel.DataAnnotations;

namespace GxProtocol.Silo.Hosting;

/// <summary>Ports and switches of the silo process (section <c>Gx:Host</c>).</summary>
public sealed class GxHostOptions
{
    public const string Section = "Gx:Host";

    /// <summary>Where the HTTP ports listen; loopback unless a deployment opens it (0.0.0.0 in Kubernetes).</summary>
    [Required] public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>All seven REST services on one port; 0 turns the co-hosted frontends off.</summary>
    [Range(0, 65535)] public int ApiPort { get; set; } = 3000;

    /// <summary>Health, metrics and the dashboard.</summary>
    [Range(1, 65535)] public int OpsPort { get; set; } = 8080;

    [Range(1, 65535)] public int SiloPort { get; set; } = 11111;
    [Range(1, 65535)] public int GatewayPort { get; set; } = 30000;

    public bool DashboardEnabled { get; set; } = true;

    /// <summary>Whether the dashboard needs an admin (Bearer token or session cookie); unset: in PostgreSQL mode only.</summary>
    public bool? DashboardRequiresAdmin { get; set; }

    /// <summary>How long a dashboard session cookie (<c>POST /dashboard/session</c>) lasts: 15 minutes by default.</summary>
    [Range(5, 43200)] public int DashboardSessionSeconds { get; set; } = 900;

    /// <summary>The address other silos reach this one at (PostgreSQL mode); loopback by default.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// Seconds a SIGTERM may take: graceful shutdown gets this long, then the process ends anyway (a silo whose
    /// database is gone would otherwise keep retrying its goodbye to the membership table).
    /// </summary>
    [Range(1, 3600)] public int ShutdownTimeoutSeconds { get; set; } = 30;
}
