namespace GxProtocol.Grains.Webhooks;

[GenerateSerializer, Alias("gx.WebhookRegistryState")]
public sealed class WebhookRegistryState
{
    [Id(0)] public List<WebhookEndpoint> Endpoints { get; set; } = [];
}
