using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Webhooks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GxProtocol.Grains.Webhooks;

/// <summary>The webhook endpoints. Registration checks the URL against the allow-list; the secret never leaves the silo.</summary>
public sealed class WebhookRegistryGrain(
    [PersistentState("webhooks", GxStorage.Name)] IPersistentState<WebhookRegistryState> state,
    WebhookUrlPolicy urlPolicy,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookRegistryGrain> logger) : Grain, IWebhookRegistryGrain
{
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 256;

    private List<WebhookEndpoint> Endpoints => state.State.Endpoints;

    public async Task<WebhookEndpointView> RegisterAsync(WebhookRegistration registration, Guid superAdminId)
    {
        if (urlPolicy.Refusal(registration.Url) is { } refusal)
        {
            throw DomainRuleException.Invalid("url", refusal);
        }
        if (registration.Events.Count == 0)
        {
            throw DomainRuleException.Invalid("events", $"must name at least one of {string.Join(", ", WebhookEventTypes.All)}.");
        }
        if (registration.Events.Except(WebhookEventTypes.All).FirstOrDefault() is { } unknown)
        {
            throw DomainRuleException.Invalid("events", $"'{unknown}' is not one of {string.Join(", ", WebhookEventTypes.All)}.");
        }
        if (registration.Secret.Length is < MinSecretLength or > MaxSecretLength)
        {
            throw DomainRuleException.Invalid("secret", $"must be {MinSecretLength} to {MaxSecretLength} characters.");
        }
        if (Endpoints.Count >= options.Value.MaxEndpoints)
        {
            throw DomainRuleException.Conflict("too_many_webhooks", $"At most {options.Value.MaxEndpoints} webhook endpoints can be registered.");
        }
        var endpoint = new WebhookEndpoint(Guid.NewGuid(), registration.Url, registration.Events.Distinct().ToList(), registration.Secret, superAdminId, clock.GetUtcNow());
        Endpoints.Add(endpoint);
        await state.WriteStateAsync();
        logger.LogInformation("Webhook {EndpointId} to {Host} registered by {SuperAdminId} for {Events}", endpoint.Id, endpoint.Url.IdnHost, superAdminId, endpoint.Events);
        return endpoint.ToView();
    }

    public Task<IReadOnlyList<WebhookEndpointView>> ListAsync() =>
        Task.FromResult<IReadOnlyList<WebhookEndpointView>>(Endpoints.Select(e => e.ToView()).ToList());

    public Task<WebhookEndpointView?> GetAsync(Guid endpointId) => Task.FromResult(Find(endpointId)?.ToView());

    public async Task<bool> DeleteAsync(Guid endpointId, Guid superAdminId)
    {
        if (Find(endpointId) is not { } endpoint)
        {
            return false;
        }
        Endpoints.Remove(endpoint);
        await state.WriteStateAsync();
        logger.LogInformation("Webhook {EndpointId} deleted by {SuperAdminId}", endpointId, superAdminId);
        return true;
    }

    public Task<IReadOnlyList<WebhookSubscriber>> SubscribersAsync(string eventType) =>
        Task.FromResult<IReadOnlyList<WebhookSubscriber>>(Endpoints.Where(e => e.Events.Contains(eventType)).Select(e => e.ToSubscriber()).ToList());

    public Task<WebhookSubscriber?> SubscriberAsync(Guid endpointId) => Task.FromResult(Find(endpointId)?.ToSubscriber());

    public Task<string[]> SubscribedEventTypesAsync() =>
        Task.FromResult(Endpoints.SelectMany(e => e.Events).Distinct().ToArray());

    private WebhookEndpoint? Find(Guid endpointId) => Endpoints.Find(e => e.Id == endpointId);
}
