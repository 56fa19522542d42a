using System.Net;
using System.Text.Json;

namespace GxProtocol.Backend.Tests.Support;

internal static class ProblemAssertions
{
    /// <summary>Asserts an RFC 9457 answer with the given status and code; returns its JSON for further checks.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        Assert.Equal(code, json.GetProperty("code").GetString());
        return json;
    }

    public static string[] FieldErrors(JsonElement problem, string field)
    {
        var messages = default(JsonElement);
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out messages),
            $"No errors for '{field}' in {problem}");
        return messages.EnumerateArray().Select(e => e.GetString()!).ToArray();
    }
}
