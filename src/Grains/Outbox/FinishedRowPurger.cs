using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GxProtocol.Grains.Outbox;

/// <summary>
/// Removes the rows of commands finished longer ago than <see cref="OutboxOptions.FinishedRetention"/>: the rows are
/// the commands' status records and what recognises a late repeat, and need not outlive the idempotency records.
/// </summary>
public sealed class FinishedRowPurger(IOutboxStore store, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<FinishedRowPurger> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var purged = await store.PurgeFinishedAsync(clock.GetUtcNow() - options.Value.FinishedRetention);
                logger.LogDebug("Purged {Count} finished outbox rows", purged);
            }
            catch (Exception unavailable) when (unavailable is not OperationCanceledException)
            {
                logger.LogWarning(unavailable, "Could not purge finished outbox rows this time");
            }
        }
    }
}
