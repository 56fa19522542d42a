using System.Globalization;
using GxProtocol.Grains.Interfaces.Webhooks;
using Microsoft.Extensions.Logging;

namespace GxProtocol.Grains.Outbox;

public sealed partial class OutboxGrain
{
    /// <summary>
    /// Tells the webhooks in the background: the shard's submission slots never wait on a receiver's database. The key
    /// counts attempts, so a command dead-lettered again after an operator's retry is a new occurrence.
    /// </summary>
    private void PublishDeadLetter(OutboxRow row)
    {
        var deadLetter = new WebhookEvent(WebhookEventTypes.OutboxDeadLettered, $"outbox:{row.CommandId:N}:{row.Attempts}", clock.GetUtcNow(),
            new Dictionary<string, string>
            {
                ["commandId"] = row.CommandId.ToString(),
                ["transaction"] = row.Command.TransactionName,
                ["attempts"] = row.Attempts.ToString(CultureInfo.InvariantCulture),
                ["lastError"] = row.LastError ?? "",
                ["shard"] = Shard.ToString(CultureInfo.InvariantCulture),
            });
        _ = PublishAsync();

        async Task PublishAsync()
        {
            try
            {
                await GrainFactory.GetGrain<IWebhookPublisherGrain>(0).PublishAsync(deadLetter);
            }
            catch (Exception unavailable)
            {
                logger.LogWarning(unavailable, "Could not publish the dead letter of command {CommandId} to webhooks", row.CommandId);
            }
        }
    }
}
