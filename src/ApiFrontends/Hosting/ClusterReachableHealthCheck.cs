using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GxProtocol.ApiFrontends.Hosting;

/// <summary>
/// Readiness of a standalone frontend: it can serve only while its cluster client reaches a silo, so a frontend cut
/// off from the cluster leaves the Service's endpoints (and nginx's passive health skips it) instead of answering 503s.
/// </summary>
internal sealed class ClusterReachableHealthCheck(IClusterClient client) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(Timeout, cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s)")
                : HealthCheckResult.Unhealthy("The cluster has no active silo.");
        }
        catch (Exception unreachable) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The cluster client cannot reach a silo.", unreachable);
        }
    }
}
