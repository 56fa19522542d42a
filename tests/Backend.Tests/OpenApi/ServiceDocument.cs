using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.OpenApi;

/// <summary>One service's OpenAPI document as a client reads it from <c>/&lt;service&gt;/openapi/v1.json</c>.</summary>
public sealed partial class ServiceDocument(string service, JsonObject root)
{
    public static readonly IReadOnlyList<string> Services =
        ["identity", "admin", "tokenomics", "organization", "loanpool", "governance", "tax"];

    public static TheoryData<string> AllServices => new(Services);

    public string Service => service;

    public JsonObject Root => root;

    public IReadOnlyList<DocumentedOperation> Operations =>
        (root["paths"] as JsonObject ?? [])
            .SelectMany(path => (path.Value as JsonObject ?? [])
                .Select(operation => new DocumentedOperation(this, operation.Key.ToUpperInvariant(), path.Key, (JsonObject)operation.Value!)))
            .ToList();

    public static string PathOf(string service) => $"/{service}/openapi/v1.json";

    public static async Task<ServiceDocument> FetchAsync(GxApiClient client, string service)
    {
        var response = await client.GetAsync(PathOf(service));
        Assert.True(response.Status == HttpStatusCode.OK, $"{PathOf(service)}: {response}");
        return new ServiceDocument(service, (JsonObject)response.Json);
    }

    public static async Task<IReadOnlyList<ServiceDocument>> FetchAllAsync(GxApiClient client)
    {
        var documents = new List<ServiceDocument>();
        foreach (var service in Services)
        {
            documents.Add(await FetchAsync(client, service));
        }
        return documents;
    }

    /// <summary>Follows a <c>$ref</c> into <c>components/schemas</c>; other schemas come back as they are.</summary>
    public JsonObject? Resolve(JsonNode? schema)
    {
        for (var depth = 0; depth < 10 && schema is JsonObject { } node && node["$ref"]?.GetValue<string>() is { } reference; depth++)
        {
            schema = root["components"]?["schemas"]?[reference["#/components/schemas/".Length..]];
        }
        return schema as JsonObject;
    }

    [GeneratedRegex(@"\{(?<name>[^}:?]+)[^}]*\}")]
    internal static partial Regex PathParameter();
}

/// <summary>One operation of a document, with the questions the tests ask of it.</summary>
public sealed record DocumentedOperation(ServiceDocument Document, string Method, string Path, JsonObject Operation)
{
    public bool IsWrite => Method is not ("GET" or "HEAD" or "OPTIONS");

    public bool HasSecurity => Operation["security"] is JsonArray { Count: > 0 };

    /// <summary>The roles the endpoint's policy admits (<c>x-gx-roles</c>); empty for any authenticated user.</summary>
    public IReadOnlyList<string> Roles => Operation["x-gx-roles"] is JsonArray roles ? roles.Select(r => r!.ToString()).ToList() : [];

    public bool IsAdminOnly => Roles.Count > 0 && Roles.All(role => role is "admin" or "super_admin");

    public IReadOnlyList<string> PathParameters =>
        ServiceDocument.PathParameter().Matches(Path).Select(m => m.Groups["name"].Value).ToList();

    public IEnumerable<JsonObject> Parameters => (Operation["parameters"] as JsonArray ?? []).OfType<JsonObject>();

    public JsonObject? Header(string name) =>
        Parameters.FirstOrDefault(p => p["in"]?.ToString() == "header" && string.Equals(p["name"]?.ToString(), name, StringComparison.OrdinalIgnoreCase));

    public JsonObject? Response(int status) => Operation["responses"]?[status.ToString()] as JsonObject;

    public IEnumerable<int> ResponseStatuses =>
        (Operation["responses"] as JsonObject ?? []).Select(r => int.TryParse(r.Key, out var status) ? status : 0).Where(s => s > 0);

    public JsonNode? RequestSchema => Operation["requestBody"]?["content"]?["application/json"]?["schema"];

    public override string ToString() => $"{Method} {Path}";
}
