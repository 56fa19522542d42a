using GxProtocol.Grains.Interfaces.Tax;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GxProtocol.Grains.Tax;

/// <summary>
/// Every <see cref="FeeCreditFoldOptions.FoldInterval"/>, on every silo, asks the cluster's fold grain to fold. A timer
/// on each silo rather than a reminder: nothing needs persisting, and after a silo loss the next tick of a survivor
/// activates the grain elsewhere.
/// </summary>
public sealed class FeeCreditFolder(
    IGrainFactory grains,
    IOptions<FeeCreditFoldOptions> options,
    TimeProvider clock,
    ILogger<FeeCreditFolder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FoldInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await grains.GetGrain<IFeeCreditFoldGrain>(0).FoldAsync().WaitAsync(stoppingToken);
            }
            catch (Exception unavailable) when (unavailable is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The ledger or the grain's silo is unavailable; the keys wait for the next tick.
                logger.LogWarning(unavailable, "Could not fold the pools' credit keys this time");
            }
        }
    }
}
