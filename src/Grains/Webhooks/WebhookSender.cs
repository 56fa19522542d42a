using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GxProtocol.Grains.Interfaces.Webhooks;
using Microsoft.Extensions.Options;

namespace GxProtocol.Grains.Webhooks;

/// <summary>
/// Makes one signed POST. Redirects are not followed: a 3xx could lead anywhere, past the allow-list, so it counts as
/// a failed attempt like any other non-2xx answer.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    public const string SignatureHeader = "X-GX-Signature";
    public const string EventHeader = "X-GX-Event";
    public const string TimestampHeader = "X-GX-Timestamp";
    public const string DeliveryHeader = "X-GX-Delivery";

    private readonly HttpClient _client;
    private readonly TimeProvider _clock;

    public WebhookSender(IOptions<WebhookOptions> options, TimeProvider clock)
    {
        _client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            Timeout = options.Value.RequestTimeout,
        };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("GX-Protocol-Webhooks/1.0");
        _clock = clock;
    }

    /// <summary>"sha256=" and the lowercase hex HMAC-SHA256 of the body under the endpoint's secret.</summary>
    public static string Signature(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public async Task<WebhookAttempt> PostAsync(WebhookSubscriber endpoint, WebhookDelivery delivery)
    {
        var number = delivery.Attempts.Count + 1;
        var at = _clock.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(SignatureHeader, Signature(endpoint.Secret, delivery.Body));
        request.Headers.Add(EventHeader, delivery.EventType);
        request.Headers.Add(TimestampHeader, at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(DeliveryHeader, delivery.Id.ToString());
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            return new WebhookAttempt(number, at, (int)response.StatusCode, null, watch.ElapsedMilliseconds);
        }
        catch (Exception failed) when (failed is HttpRequestException or TaskCanceledException)
        {
            var error = failed is TaskCanceledException ? "timed out" : failed.Message;
            return new WebhookAttempt(number, at, null, error, watch.ElapsedMilliseconds);
        }
    }

    public void Dispose() => _client.Dispose();
}
