using System.Net;
using System.Text.Json.Nodes;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.OpenApi;

/// <summary>
/// Anonymous calls that tell whether a route exists and whether it requires a token, without any side effect: an
/// authorized route rejects the caller before binding, an anonymous one rejects the missing body.
/// </summary>
public static class RouteProbe
{
    /// <summary>A path with placeholder values that pass route constraints (GUIDs, a country, a parameter name).</summary>
    public static string Fill(string template) => ServiceDocument.PathParameter().Replace(template, match => match.Groups["name"].Value switch
    {
        "cc" or "countryCode" => "MY",
        "paramId" => "transactionFeeBps",
        _ => Guid.NewGuid().ToString("D"),
    });

    public static Task<ApiResponse> CallAnonymouslyAsync(GxApiClient anonymous, string method, string template) =>
        anonymous.SendAsync(new HttpMethod(method), Fill(template), withIdempotencyKey: false);

    /// <summary>
    /// False only for the router's own answers: 405, or a 404 problem without a detail (a handler's 404 always says
    /// what was not found).
    /// </summary>
    public static bool IsRouted(ApiResponse response) =>
        response.Status != HttpStatusCode.MethodNotAllowed
        && !(response.Status == HttpStatusCode.NotFound && Detail(response) is null);

    /// <summary>The authorization middleware's 401 (a handler's own 401, like a failed login, has another code).</summary>
    public static bool DemandsToken(ApiResponse response) =>
        response.Status == HttpStatusCode.Unauthorized && Code(response) == "unauthorized";

    public static string? Code(ApiResponse response) => TryJson(response)?["code"]?.ToString();

    private static string? Detail(ApiResponse response) => TryJson(response)?["detail"]?.ToString();

    private static JsonObject? TryJson(ApiResponse response)
    {
        try
        {
            return JsonNode.Parse(response.Body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
