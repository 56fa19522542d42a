using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GxProtocol.Silo.Hosting;

/// <summary>Ready once the silo answers a grain call: the listener grain's status is cheap and always present.</summary>
public sealed class SiloReadinessCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var status = await grains.GetGrain<Grains.Interfaces.Ledger.ILedgerListenerGrain>(0).GetStatusAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy($"ledger checkpoint {status.Checkpoint}");
        }
        catch (Exception unavailable)
        {
            return HealthCheckResult.Unhealthy("The silo does not answer grain calls.", unavailable);
        }
    }
}
