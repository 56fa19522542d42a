using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Webhooks;
using GxProtocol.Grains.Webhooks;
using GxProtocol.Silo.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace GxProtocol.Backend.Tests.Webhooks;

/// <summary>One contract for every delivery store: the same tests run against memory and PostgreSQL.</summary>
public abstract class WebhookDeliveryStoreContractTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    protected abstract IWebhookDeliveryStore Store { get; }

    private static WebhookDelivery NewDelivery(Guid endpointId, string key) => WebhookBodies.NewDelivery(endpointId,
        new WebhookEvent(WebhookEventTypes.WalletFrozen, key, Start, new Dictionary<string, string> { ["userId"] = "u" }), Start);

    private static string Fields(WebhookDelivery delivery) =>
        $"{delivery.Id} {delivery.EndpointId} {delivery.EventType} {delivery.Status} {delivery.CreatedAt.UtcTicks} {delivery.NextAttemptAt?.UtcTicks} {delivery.Body} " +
        string.Join(";", delivery.Attempts.Select(a => $"{a.Number}/{a.At.UtcTicks}/{a.StatusCode}/{a.Error}/{a.DurationMs}"));

    [Fact]
    public async Task A_delivery_is_stored_once_and_its_attempts_are_kept()
    {
        var endpoint = Guid.NewGuid();
        var delivery = NewDelivery(endpoint, "ledger:1:0");
        Assert.True(await Store.AddAsync(delivery));
        Assert.False(await Store.AddAsync(NewDelivery(endpoint, "ledger:1:0")));

        var retried = delivery with
        {
            Attempts = [new WebhookAttempt(1, Start, 500, null, 12), new WebhookAttempt(2, Start.AddSeconds(5), null, "timed out", 10_000)],
            NextAttemptAt = Start.AddSeconds(20),
        };
        await Store.UpdateAsync(retried);

        Assert.Equal([Fields(retried)], (await Store.LoadPendingAsync(endpoint)).Select(Fields));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.UpdateAsync(NewDelivery(endpoint, "never added")));
    }

    [Fact]
    public async Task Pending_deliveries_load_oldest_first_and_finished_ones_do_not()
    {
        var endpoint = Guid.NewGuid();
        var first = NewDelivery(endpoint, "a");
        var second = NewDelivery(endpoint, "b");
        var delivered = NewDelivery(endpoint, "c");
        var elsewhere = NewDelivery(Guid.NewGuid(), "a");
        foreach (var delivery in new[] { first, second, delivered, elsewhere })
        {
            await Store.AddAsync(delivery);
        }
        await Store.UpdateAsync(delivered with { Status = WebhookDeliveryStatuses.Delivered, NextAttemptAt = null });

        Assert.Equal([first.Id, second.Id], (await Store.LoadPendingAsync(endpoint)).Select(d => d.Id));
    }

    [Fact]
    public async Task Deliveries_list_newest_first_in_pages()
    {
        var endpoint = Guid.NewGuid();
        var added = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var delivery = NewDelivery(endpoint, $"key {i}");
            await Store.AddAsync(delivery);
            added.Add(delivery.Id);
        }
        await Store.AddAsync(NewDelivery(Guid.NewGuid(), "another endpoint's"));

        var first = await Store.ListAsync(endpoint, null, 2);
        var second = await Store.ListAsync(endpoint, first.NextCursor, 2);
        var third = await Store.ListAsync(endpoint, second.NextCursor, 2);

        Assert.Equal(Enumerable.Reverse(added), first.Items.Concat(second.Items).Concat(third.Items).Select(d => d.Id));
        Assert.Null(third.NextCursor);
    }
}

public sealed class InMemoryWebhookDeliveryStoreTests : WebhookDeliveryStoreContractTests
{
    protected override IWebhookDeliveryStore Store { get; } = new InMemoryWebhookDeliveryStore();
}

[Trait("Category", "Slow")]
[Trait("Category", "Postgres")]
public sealed class PostgresWebhookDeliveryStoreTests : WebhookDeliveryStoreContractTests, IAsyncLifetime
{
    private readonly PostgresStoreScope<PostgresWebhookDeliveryStore> _postgres = new(connectionString => new PostgresWebhookDeliveryStore(connectionString,
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>()));

    protected override IWebhookDeliveryStore Store => _postgres.Store;

    public Task InitializeAsync() => _postgres.InitializeAsync();

    public Task DisposeAsync() => _postgres.DisposeAsync();
}
