using System.Text.Json.Nodes;
using GxProtocol.Backend.Tests.Support;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Outbox;
using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.Interfaces.Webhooks;

namespace GxProtocol.Backend.Tests.Webhooks;

/// <summary>Publication on a grain cluster: an occurrence is delivered once however often it is published, and dead letters are published.</summary>
public sealed class WebhookPublicationTests(ImpatientOutboxClusterFixture fixture) : IClassFixture<ImpatientOutboxClusterFixture>
{
    private const string Secret = "publication tests' shared secret";

    private IWebhookRegistryGrain Registry => fixture.Client.GetGrain<IWebhookRegistryGrain>(IWebhookRegistryGrain.Key);

    [Fact]
    public async Task The_same_occurrence_published_twice_is_delivered_once_under_one_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = await Registry.RegisterAsync(new WebhookRegistration(receiver.Url, [WebhookEventTypes.ProposalExecuted], Secret), Guid.NewGuid());
        var publisher = fixture.Client.GetGrain<IWebhookPublisherGrain>(0);
        var occurrence = new WebhookEvent(WebhookEventTypes.ProposalExecuted, $"ledger:{Guid.NewGuid():N}", DateTimeOffset.UtcNow,
            new Dictionary<string, string> { ["proposalId"] = "p-1" });
        var other = occurrence with { Key = $"ledger:{Guid.NewGuid():N}" };

        await publisher.PublishAsync(occurrence);
        await publisher.PublishAsync(occurrence);
        await publisher.PublishAsync(other);

        var deliveries = await Eventually.MatchesAsync(() => fixture.Client.GetGrain<IWebhookDeliveryGrain>(endpoint.Id).ListAsync(null, 10),
            page => page.Items.Count == 2 && page.Items.All(d => d.Status == WebhookDeliveryStatuses.Delivered), "two deliveries to be DELIVERED");
        Assert.Equal(2, deliveries.Items.Select(d => d.Id).Distinct().Count());
        await Eventually.WaitUntilAsync(() => Task.FromResult(receiver.Received.Count >= 2), TimeSpan.FromSeconds(10), "the receiver to get two POSTs");
        Assert.Equal(2, receiver.Received.Select(r => r.Header("X-GX-Delivery")).Distinct().Count());
        Assert.Equal(2, receiver.Received.Count);
        await Registry.DeleteAsync(endpoint.Id, Guid.NewGuid());
    }

    [Fact]
    public async Task A_dead_lettered_command_is_published_to_its_subscribers()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = await Registry.RegisterAsync(new WebhookRegistration(receiver.Url, [WebhookEventTypes.OutboxDeadLettered], Secret), Guid.NewGuid());
        var journey = new GrainJourney(fixture.Client);
        await journey.BootstrapAsync();
        var sender = await journey.ActiveUserAsync("MY");
        var recipient = await journey.ActiveUserAsync("MY");

        fixture.Ledger.Host.Ledger.Faults.RefuseCallsFor(TimeSpan.FromMinutes(5));
        CommandAccepted transfer;
        try
        {
            transfer = await sender.TransferAsync(new TransferRequest(Guid.NewGuid(), recipient.GetPrimaryKey(), GrainJourney.Coin, "dead letter me"));
            await Eventually.WaitUntilAsync(() => Task.FromResult(receiver.Received.Count >= 1), TimeSpan.FromSeconds(30), "the outbox.dead_lettered delivery");
        }
        finally
        {
            fixture.Ledger.Host.Ledger.Faults.RefuseCallsFor(TimeSpan.Zero);
        }

        var delivery = Assert.Single(receiver.Received);
        Assert.Equal(WebhookEventTypes.OutboxDeadLettered, delivery.Header("X-GX-Event"));
        Assert.Equal(transfer.CommandId.ToString(), JsonNode.Parse(delivery.Body)!["data"]!["commandId"]!.ToString());
        // Leave no dead letter behind for the other tests of the fixture.
        Assert.True(await fixture.Client.GetGrain<IOutboxAdminGrain>(0).RetryAsync(transfer.CommandId));
        await journey.WaitCommittedAsync(transfer);
        await Registry.DeleteAsync(endpoint.Id, Guid.NewGuid());
    }
}
