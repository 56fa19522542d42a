using Orleans.Configuration;

namespace GxProtocol.ApiFrontends.Hosting;

/// <summary>The cluster and service ids that silos and separate frontends must agree on to find each other.</summary>
public static class GxClusterIdentity
{
    public const string ClusterIdKey = "Gx:Orleans:ClusterId";
    public const string ServiceId = "gx-protocol";

    public static void Apply(ClusterOptions cluster, IConfiguration configuration)
    {
        cluster.ClusterId = configuration[ClusterIdKey] ?? "gx";
        cluster.ServiceId = ServiceId;
    }
}
