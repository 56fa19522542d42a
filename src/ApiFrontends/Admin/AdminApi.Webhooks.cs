using System.Globalization;
using System.Security.Claims;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.Idempotency;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.ApiFrontends.Infrastructure.Validation;
using GxProtocol.Grains.Interfaces.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GxProtocol.ApiFrontends.Admin;

/// <summary>
/// Webhook endpoints, for super admins: register, list, delete, and each endpoint's deliveries with every attempt.
/// Endpoints belong to the system, not to the super admin who registered them.
/// </summary>
public static partial class AdminApi
{
    private const int MinWebhookSecretLength = 16;
    private const int MaxWebhookSecretLength = 256;

    private static void MapWebhookRoutes(RouteGroupBuilder superAdmin)
    {
        superAdmin.MapPost("/webhooks", RegisterWebhookAsync).WithIdempotency()
            .WithSummary("Register an endpoint for events; deliveries are signed with the secret (X-GX-Signature: sha256=HMAC of the body)");
        superAdmin.MapGet("/webhooks", ListWebhooksAsync).WithSummary("The registered webhook endpoints (secrets shown by their last four characters)");
        superAdmin.MapGet("/webhooks/{id:guid}", GetWebhookAsync).WithSummary("One webhook endpoint");
        superAdmin.MapDelete("/webhooks/{id:guid}", DeleteWebhookAsync).WithIdempotency().WithSummary("Delete an endpoint; its pending deliveries fail");
        superAdmin.MapGet("/webhooks/{id:guid}/deliveries", ListWebhookDeliveriesAsync)
            .WithSummary("An endpoint's deliveries, newest first, each with its attempts");
    }

    private static async Task<Results<Created<WebhookEndpointView>, ProblemHttpResult>> RegisterWebhookAsync(
        RegisterWebhookRequest body, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var validator = new RequestValidator()
            .Required("url", body.Url, 2000)
            .Must(body.Url is null || Uri.TryCreate(body.Url, UriKind.Absolute, out _), "url", "must be an absolute http(s) URL.")
            .Must(body.Events is { Length: > 0 and <= 20 }, "events", $"must list 1 to 20 of {string.Join(", ", WebhookEventTypes.All)}.")
            .Required("secret", body.Secret, MaxWebhookSecretLength)
            .Must(body.Secret is null || body.Secret.Length >= MinWebhookSecretLength, "secret", $"must be at least {MinWebhookSecretLength} characters.");
        for (var i = 0; i < (body.Events?.Length ?? 0); i++)
        {
            validator.Must(WebhookEventTypes.All.Contains(body.Events![i]), $"events[{i}]", $"must be one of {string.Join(", ", WebhookEventTypes.All)}.");
        }
        if (validator.HasProblem(out var problem))
        {
            return problem;
        }
        var endpoint = await grains.GetGrain<IWebhookRegistryGrain>(IWebhookRegistryGrain.Key)
            .RegisterAsync(new WebhookRegistration(new Uri(body.Url!), body.Events!, body.Secret!), caller.GetUserId());
        return TypedResults.Created($"/admin/api/v1/webhooks/{endpoint.Id}", endpoint);
    }

    private static async Task<Ok<IReadOnlyList<WebhookEndpointView>>> ListWebhooksAsync(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IWebhookRegistryGrain>(IWebhookRegistryGrain.Key).ListAsync());

    private static async Task<Results<Ok<WebhookEndpointView>, ProblemHttpResult>> GetWebhookAsync(Guid id, IGrainFactory grains) =>
        await grains.GetGrain<IWebhookRegistryGrain>(IWebhookRegistryGrain.Key).GetAsync(id) is { } endpoint
            ? TypedResults.Ok(endpoint)
            : GxProblems.NotFound("Webhook");

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteWebhookAsync(Guid id, ClaimsPrincipal caller, IGrainFactory grains) =>
        await grains.GetGrain<IWebhookRegistryGrain>(IWebhookRegistryGrain.Key).DeleteAsync(id, caller.GetUserId())
            ? TypedResults.NoContent()
            : GxProblems.NotFound("Webhook");

    private static async Task<Results<Ok<WebhookDeliveryPage>, ProblemHttpResult>> ListWebhookDeliveriesAsync(
        Guid id, string? cursor, int? limit, IGrainFactory grains)
    {
        if (new RequestValidator()
                .PageLimit("limit", limit)
                .Must(cursor is null || long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out _), "cursor", "is not a cursor this API returned.")
                .HasProblem(out var problem))
        {
            return problem;
        }
        if (await grains.GetGrain<IWebhookRegistryGrain>(IWebhookRegistryGrain.Key).GetAsync(id) is null)
        {
            return GxProblems.NotFound("Webhook");
        }
        var page = await grains.GetGrain<IWebhookDeliveryGrain>(id).ListAsync(cursor, limit ?? 20);
        return TypedResults.Ok(new WebhookDeliveryPage(page.Items.Select(WebhookDeliveryResponse.From).ToList(), page.NextCursor));
    }
}

public sealed record RegisterWebhookRequest(string? Url, string[]? Events, string? Secret);

public sealed record WebhookDeliveryPage(IReadOnlyList<WebhookDeliveryResponse> Items, string? NextCursor);

/// <summary>A delivery as the API shows it: the body it sends, its status and every attempt.</summary>
public sealed record WebhookDeliveryResponse(
    Guid Id, string EventType, string Status, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, string Body, IReadOnlyList<WebhookAttempt> Attempts)
{
    public static WebhookDeliveryResponse From(WebhookDelivery delivery) =>
        new(delivery.Id, delivery.EventType, delivery.Status, delivery.CreatedAt, delivery.NextAttemptAt, delivery.Body, delivery.Attempts);
}
