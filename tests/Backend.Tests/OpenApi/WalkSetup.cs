using System.Net;
using System.Text.Json.Nodes;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.OpenApi;

/// <summary>
/// A kind of resource user A owns (or an admin made) for the walk to aim at. Each one creates itself only when the
/// documents contain the routes that make it, so the walk runs in any branch and covers every service once merged.
/// </summary>
public interface IWalkResource
{
    Task CreateAsync(WalkSetup setup);
}

/// <summary>The walk's cast and its id map: A owns, C is A's counterpart (stakeholder, relative), B is the stranger.</summary>
public sealed class WalkSetup(ServicesBackend backend, IReadOnlyList<ServiceDocument> documents, RegisteredUser owner, RegisteredUser partner)
    : IDisposable
{
    private readonly List<RegisteredUser> _extras = [];

    public ServicesBackend Backend => backend;
    public RegisteredUser Owner => owner;
    public RegisteredUser Partner => partner;
    public WalkIds Ids { get; } = new();

    /// <summary>What could not be made real (the id then names nothing, and 404s on it prove less).</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Another active user for a resource that needs more people around A (never the stranger B).</summary>
    public async Task<RegisteredUser> ExtraUserAsync()
    {
        var user = await backend.NewActiveUserAsync();
        _extras.Add(user);
        return user;
    }

    public void Dispose() => _extras.ForEach(user => user.Dispose());

    public DocumentedOperation? Operation(string method, string path) =>
        documents.SelectMany(d => d.Operations).FirstOrDefault(o => o.Method == method && Same(o.Path, path));

    /// <summary>
    /// Calls a documented operation with path parameters from <see cref="Ids"/> and a body from its schema (fields in
    /// <paramref name="overrides"/> win), waiting for ledger commands to commit. <paramref name="pathValues"/> fill
    /// parameters that are not A's (a link someone else confirms). Null when the route is not documented.
    /// </summary>
    public async Task<ApiResponse?> CallAsync(GxApiClient client, string method, string path,
        IReadOnlyDictionary<string, JsonNode?>? overrides = null, string? defaultUserId = null,
        IReadOnlyDictionary<string, string>? pathValues = null)
    {
        if (Operation(method, path) is not { } operation)
        {
            return null;
        }
        // Values go by position: the documented path may name a parameter differently from the caller's template.
        var given = ServiceDocument.PathParameter().Matches(path).Select(m => pathValues?.GetValueOrDefault(m.Groups["name"].Value)).ToList();
        var position = 0;
        var url = ServiceDocument.PathParameter().Replace(operation.Path, m =>
            given.ElementAtOrDefault(position++) ?? Ids.ForParameter(operation.Path, m.Groups["name"].Value) ?? "missing");
        var body = operation.RequestSchema is { } schema
            ? new SampleBodies(operation.Document, Ids, defaultUserId ?? owner.UserId).For(schema, overrides)!.ToJsonString()
            : null;
        var response = await client.SendAsync(new HttpMethod(method), url, body, preferWait: operation.IsWrite ? 20 : null);
        if ((int)response.Status >= 300)
        {
            Notes.Add($"{method} {url} answered {response}");
        }
        return response;
    }

    /// <summary>The first of <paramref name="names"/> found anywhere in the answer's JSON.</summary>
    public static string? IdFrom(ApiResponse? response, params string[] names)
    {
        if (response is null || (int)response.Status >= 300 || string.IsNullOrWhiteSpace(response.Body))
        {
            return null;
        }
        return Find(JsonNode.Parse(response.Body), names);

        static string? Find(JsonNode? node, string[] names)
        {
            if (node is JsonObject obj)
            {
                foreach (var name in names)
                {
                    if (obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value is JsonValue value)
                    {
                        return value.ToString();
                    }
                }
                return obj.Select(p => Find(p.Value, names)).FirstOrDefault(found => found is not null);
            }
            return node is JsonArray array ? array.Select(item => Find(item, names)).FirstOrDefault(found => found is not null) : null;
        }
    }

    public static bool Succeeded(ApiResponse? response) => response is not null && (int)response.Status is >= 200 and < 300
        && !(response.Status == HttpStatusCode.OK && response.Body.Contains("\"FAILED\"", StringComparison.Ordinal));

    private static bool Same(string documented, string wanted) =>
        ServiceDocument.PathParameter().Replace(documented, "{}") == ServiceDocument.PathParameter().Replace(wanted, "{}");
}
