using System.Globalization;
using GxProtocol.Grains.Interfaces.ReadModels;
using GxProtocol.Grains.Interfaces.Webhooks;

namespace GxProtocol.Grains.Webhooks;

/// <summary>The embedded default's deliveries; a sequence number per delivery orders the pages.</summary>
public sealed class InMemoryWebhookDeliveryStore : IWebhookDeliveryStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, (long Sequence, WebhookDelivery Delivery)> _deliveries = [];
    private long _sequence;

    public Task<bool> AddAsync(WebhookDelivery delivery)
    {
        lock (_lock)
        {
            return Task.FromResult(_deliveries.TryAdd(delivery.Id, (++_sequence, delivery)));
        }
    }

    public Task UpdateAsync(WebhookDelivery delivery)
    {
        lock (_lock)
        {
            if (!_deliveries.TryGetValue(delivery.Id, out var stored))
            {
                throw new InvalidOperationException($"Webhook delivery {delivery.Id} does not exist.");
            }
            _deliveries[delivery.Id] = stored with { Delivery = delivery };
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<WebhookDelivery>> LoadPendingAsync(Guid endpointId)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<WebhookDelivery>>(_deliveries.Values
                .Where(d => d.Delivery.EndpointId == endpointId && d.Delivery.Status == WebhookDeliveryStatuses.Pending)
                .OrderBy(d => d.Sequence).Select(d => d.Delivery).ToList());
        }
    }

    public Task<Page<WebhookDelivery>> ListAsync(Guid endpointId, string? cursor, int limit)
    {
        var before = cursor is null ? long.MaxValue : long.Parse(cursor, CultureInfo.InvariantCulture);
        lock (_lock)
        {
            var page = _deliveries.Values
                .Where(d => d.Delivery.EndpointId == endpointId && d.Sequence < before)
                .OrderByDescending(d => d.Sequence).Take(limit + 1).ToList();
            var next = page.Count > limit ? page[limit - 1].Sequence.ToString(CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new Page<WebhookDelivery>(page.Take(limit).Select(d => d.Delivery).ToList(), next));
        }
    }
}
