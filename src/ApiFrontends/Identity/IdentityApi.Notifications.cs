using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.Idempotency;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.ApiFrontends.Infrastructure.Validation;
using GxProtocol.Grains.Interfaces.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GxProtocol.ApiFrontends.Identity;

/// <summary>The caller's inbox: list, unread count, mark read, and live delivery over Server-Sent Events.</summary>
public static partial class IdentityApi
{
    public const string LastEventIdHeader = "Last-Event-ID";

    /// <summary>How often an open stream looks for new notifications; a page of them goes out at once.</summary>
    private static readonly TimeSpan StreamPollInterval = TimeSpan.FromMilliseconds(500);

    private const int StreamBatch = 100;

    private static void MapNotificationRoutes(RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").RequireAuthorization();
        notifications.MapGet("", ListNotificationsAsync).WithSummary("The caller's notifications, newest first; status UNREAD or READ");
        notifications.MapGet("/unread-count", CountUnreadAsync).WithSummary("How many of the caller's notifications are unread");
        notifications.MapPatch("/read-all", MarkAllReadAsync).WithIdempotency().WithSummary("Marks every notification of the caller read");
        notifications.MapPatch("/{id}/read", MarkReadAsync).WithIdempotency().WithSummary("Marks one of the caller's notifications read");
        notifications.MapGet("/stream", StreamAsync)
            .Produces<NotificationResponse>(StatusCodes.Status200OK, "text/event-stream")
            .WithSummary("New notifications as Server-Sent Events (event 'notification', id = notification id); resumes after Last-Event-ID");
    }

    private static async Task<Results<Ok<NotificationsPage>, ProblemHttpResult>> ListNotificationsAsync(
        string? status, string? cursor, int? limit, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var normalizedStatus = status?.Trim().ToUpperInvariant();
        if (new RequestValidator()
                .Must(normalizedStatus is null || NotificationStatuses.All.Contains(normalizedStatus), "status", "must be UNREAD or READ.")
                .PageLimit("limit", limit)
                .Must(cursor is null || long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out _), "cursor", "is not a cursor this API returned.")
                .HasProblem(out var problem))
        {
            return problem;
        }
        var page = await Inbox(grains).ListAsync(caller.GetUserId(), normalizedStatus, cursor, limit ?? 20);
        return TypedResults.Ok(new NotificationsPage(page.Items.Select(NotificationResponse.From).ToList(), page.NextCursor));
    }

    private static async Task<Ok<UnreadCountResponse>> CountUnreadAsync(ClaimsPrincipal caller, IGrainFactory grains) =>
        TypedResults.Ok(new UnreadCountResponse(await Inbox(grains).CountUnreadAsync(caller.GetUserId())));

    /// <summary>The id is matched in the handler, not by a route constraint, so a caller without a token hears 401 first.</summary>
    private static async Task<Results<Ok<NotificationResponse>, ProblemHttpResult>> MarkReadAsync(string id, ClaimsPrincipal caller, IGrainFactory grains) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var notificationId)
        && await Inbox(grains).MarkReadAsync(caller.GetUserId(), notificationId) is { } marked
            ? TypedResults.Ok(NotificationResponse.From(marked))
            : GxProblems.NotFound("Notification");

    private static async Task<Ok<MarkedReadResponse>> MarkAllReadAsync(ClaimsPrincipal caller, IGrainFactory grains) =>
        TypedResults.Ok(new MarkedReadResponse(await Inbox(grains).MarkAllReadAsync(caller.GetUserId())));

    /// <summary>
    /// Without Last-Event-ID the stream starts after the newest notification the caller already has; with it, the
    /// notifications missed since that id come first. Polls the inbox while the client stays connected. Written by
    /// hand (not ServerSentEventsResult) so the headers go out at once and the client knows the stream is open.
    /// </summary>
    private static async Task StreamAsync(HttpContext context, ClaimsPrincipal caller, IGrainFactory grains)
    {
        long? lastSent = null;
        var lastEventId = context.Request.Headers[LastEventIdHeader].ToString();
        if (lastEventId.Length > 0)
        {
            if (!long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                await GxProblems.Validation(LastEventIdHeader, "must be the id of an event this stream sent.").ExecuteAsync(context);
                return;
            }
            lastSent = parsed;
        }
        var userId = caller.GetUserId();
        var inbox = Inbox(grains);
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var cancellationToken = context.RequestAborted;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(cancellationToken);

        var after = lastSent ?? (await inbox.ListAsync(userId, null, null, 1)).Items.FirstOrDefault()?.Id ?? 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var batch = await inbox.ListAfterAsync(userId, after, StreamBatch);
                foreach (var notification in batch)
                {
                    after = notification.Id;
                    var data = JsonSerializer.Serialize(NotificationResponse.From(notification), json);
                    await response.WriteAsync($"id: {notification.Id}\nevent: notification\ndata: {data}\n\n", cancellationToken);
                }
                await response.Body.FlushAsync(cancellationToken);
                if (batch.Count < StreamBatch)
                {
                    await Task.Delay(StreamPollInterval, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away: the stream ends here.
        }
    }

    private static INotificationInboxGrain Inbox(IGrainFactory grains) => grains.GetGrain<INotificationInboxGrain>(0);
}

public sealed record NotificationResponse(
    long Id, string Kind, string Message, IReadOnlyDictionary<string, string> Data, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public static NotificationResponse From(NotificationView notification) => new(notification.Id, notification.Kind, notification.Message,
        notification.Data, notification.CreatedAt, notification.ReadAt);
}

public sealed record NotificationsPage(IReadOnlyList<NotificationResponse> Items, string? NextCursor);

public sealed record UnreadCountResponse(long Unread);

public sealed record MarkedReadResponse(int Marked);
