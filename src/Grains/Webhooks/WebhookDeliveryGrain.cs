using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.Interfaces.Webhooks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace GxProtocol.Grains.Webhooks;

/// <summary>
/// Posts one endpoint's deliveries in the background, retrying each with exponential backoff until it is answered 2xx
/// or runs out of attempts. Every attempt is stored on the delivery's row. A reminder sweeps the store for pending
/// deliveries, so they resume after a restart and none waits on a publication that failed half way.
/// </summary>
[Reentrant]
public sealed class WebhookDeliveryGrain(
    IWebhookDeliveryStore store,
    WebhookSender sender,
    WebhookUrlPolicy urlPolicy,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDeliveryGrain> logger) : Grain, IWebhookDeliveryGrain, IRemindable
{
    private const string SweepReminder = "webhook-sweep";

    private readonly Dictionary<Guid, WebhookDelivery> _pending = [];
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _pump;

    private Guid EndpointId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await this.RegisterOrUpdateReminder(SweepReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await SweepAsync();
    }

    public Task EnqueueAsync(WebhookDelivery delivery)
    {
        Take(delivery);
        return Task.CompletedTask;
    }

    public Task<Page<WebhookDelivery>> ListAsync(string? cursor, int limit) => store.ListAsync(EndpointId, cursor, limit);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (await GrainFactory.GetGrain<IWebhookRegistryGrain>(IWebhookRegistryGrain.Key).SubscriberAsync(EndpointId) is null && _pending.Count == 0)
        {
            // The endpoint was deleted and nothing is left to settle: stop waking up for it.
            if (await this.GetReminder(SweepReminder) is { } sweep)
            {
                await this.UnregisterReminder(sweep);
            }
            DeactivateOnIdle();
            return;
        }
        await SweepAsync();
    }

    private async Task SweepAsync()
    {
        foreach (var delivery in await store.LoadPendingAsync(EndpointId))
        {
            Take(delivery);
        }
    }

    private void Take(WebhookDelivery delivery)
    {
        if (delivery.Status == WebhookDeliveryStatuses.Pending && _pending.TryAdd(delivery.Id, delivery))
        {
            _wake.TrySetResult();
        }
        if (_pending.Count > 0)
        {
            _pump ??= PumpAsync();
        }
    }

    private async Task PumpAsync()
    {
        try
        {
            while (_pending.Count > 0)
            {
                var now = clock.GetUtcNow();
                var due = _pending.Values.Where(d => (d.NextAttemptAt ?? d.CreatedAt) <= now).MinBy(d => d.CreatedAt);
                if (due is not null)
                {
                    try
                    {
                        await AttemptAsync(due);
                    }
                    catch (Exception unavailable)
                    {
                        // The registry could not be asked: try this delivery again later rather than stop the queue.
                        logger.LogWarning(unavailable, "Webhook delivery {DeliveryId} postponed", due.Id);
                        _pending[due.Id] = due with { NextAttemptAt = clock.GetUtcNow() + options.Value.BaseRetryDelay };
                    }
                    continue;
                }
                _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var next = _pending.Values.Min(d => d.NextAttemptAt ?? d.CreatedAt);
                await Task.WhenAny(Task.Delay(next - now, clock), _wake.Task);
            }
        }
        finally
        {
            _pump = null;
        }
    }

    private async Task AttemptAsync(WebhookDelivery delivery)
    {
        var endpoint = await GrainFactory.GetGrain<IWebhookRegistryGrain>(IWebhookRegistryGrain.Key).SubscriberAsync(EndpointId);
        var refusal = endpoint is null ? "the endpoint was deleted." : urlPolicy.Refusal(endpoint.Url);
        var attempt = endpoint is null || refusal is not null
            ? new WebhookAttempt(delivery.Attempts.Count + 1, clock.GetUtcNow(), null, $"not sent: {refusal}", 0)
            : await sender.PostAsync(endpoint, delivery);
        var attempts = delivery.Attempts.Append(attempt).ToList();
        var delivered = attempt.StatusCode is >= 200 and < 300;
        var givenUp = !delivered && (refusal is not null || attempts.Count >= options.Value.MaxAttempts);
        var updated = delivery with
        {
            Attempts = attempts,
            Status = delivered ? WebhookDeliveryStatuses.Delivered : givenUp ? WebhookDeliveryStatuses.Failed : WebhookDeliveryStatuses.Pending,
            NextAttemptAt = delivered || givenUp ? null : clock.GetUtcNow() + RetryDelay(attempts.Count),
        };
        if (!delivered)
        {
            WebhookMetrics.RecordFailedAttempt();
        }
        if (delivered || givenUp)
        {
            WebhookMetrics.RecordFinished(delivered ? "delivered" : "failed");
        }
        if (givenUp)
        {
            logger.LogWarning("Webhook delivery {DeliveryId} ({EventType}) to endpoint {EndpointId} failed after {Attempts} attempts: {Error}",
                delivery.Id, delivery.EventType, EndpointId, attempts.Count, attempt.Error ?? $"HTTP {attempt.StatusCode}");
        }
        try
        {
            await store.UpdateAsync(updated);
        }
        catch (Exception unavailable)
        {
            // Kept in memory and tried again: a repeated POST carries the same delivery id, which receivers deduplicate on.
            logger.LogWarning(unavailable, "Could not store attempt {Attempt} of webhook delivery {DeliveryId}", attempt.Number, delivery.Id);
        }
        if (updated.Status == WebhookDeliveryStatuses.Pending)
        {
            _pending[delivery.Id] = updated;
        }
        else
        {
            _pending.Remove(delivery.Id);
        }
    }

    /// <summary>Exponential from BaseRetryDelay up to MaxRetryDelay, with equal jitter (half fixed, half random).</summary>
    private TimeSpan RetryDelay(int attempts)
    {
        var exponential = options.Value.BaseRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 20));
        var capped = Math.Min(options.Value.MaxRetryDelay.TotalMilliseconds, exponential);
        return TimeSpan.FromMilliseconds(capped / 2 + Random.Shared.NextDouble() * capped / 2);
    }
}
