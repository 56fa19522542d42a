using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GxProtocol.Backend.Tests.Support;

/// <summary>
/// A thin HTTP client for the REST services, as a user's script would call them: one request, the raw answer
/// (status, body, Location). Use it to test a route's own behaviour (status codes, problem+json, headers) against a
/// silo or frontend process; for whole user steps use <see cref="JourneyDriver"/>, which is built on it.
/// </summary>
public sealed class GxApiClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public string? AccessToken { get; set; }

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, object? body = null, string? idempotencyKey = null,
        int? preferWait = null, bool withIdempotencyKey = true, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = body is string raw
                ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json")
                : JsonContent.Create(body);
        }
        if (AccessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        }
        if (method != HttpMethod.Get && withIdempotencyKey)
        {
            request.Headers.Add("X-Idempotency-Key", idempotencyKey ?? $"test-{Guid.NewGuid():N}");
        }
        if (preferWait is { } wait)
        {
            request.Headers.Add("Prefer", $"wait={wait}");
        }
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, text, response.Headers.Location?.ToString(), response.Content.Headers.ContentType?.MediaType);
    }

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<ApiResponse> PostAsync(string path, object? body = null, string? idempotencyKey = null, int? preferWait = null) =>
        SendAsync(HttpMethod.Post, path, body ?? new { }, idempotencyKey, preferWait);

    public void Dispose() => _http.Dispose();
}

public sealed record ApiResponse(HttpStatusCode Status, string Body, string? Location, string? ContentType)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new JsonException($"Empty body (status {Status}).");

    public string this[string field] => Json[field]?.ToString() ?? throw new KeyNotFoundException($"No '{field}' in {Body}");

    public override string ToString() => $"{(int)Status} {Body}";
}
