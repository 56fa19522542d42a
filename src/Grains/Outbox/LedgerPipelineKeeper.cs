using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GxProtocol.Grains.Outbox;

/// <summary>
/// Every few seconds, on every silo, wakes the ledger listener and each outbox shard. After a silo dies, its grains
/// come back on a survivor as soon as the cluster declares it dead, instead of at the next reminder tick (a minute).
/// </summary>
public sealed class LedgerPipelineKeeper(
    IGrainFactory grains,
    IOptions<OutboxOptions> outbox,
    TimeProvider clock,
    ILogger<LedgerPipelineKeeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var wakes = Enumerable.Range(0, outbox.Value.ShardCount)
                    .Select(shard => grains.GetGrain<IOutboxGrain>(shard).WakeAsync())
                    .Append(grains.GetGrain<ILedgerListenerGrain>(0).EnsureRunningAsync());
                await Task.WhenAll(wakes).WaitAsync(Interval, clock, stoppingToken);
            }
            catch (Exception unavailable) when (unavailable is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Expected while the cluster is still detecting a lost silo; the next tick tries again.
                logger.LogDebug(unavailable, "Could not wake the ledger pipeline this tick");
            }
        }
    }
}
