namespace GxProtocol.Backend.Tests.OpenApi;

/// <summary>
/// User A's resource ids by the name that refers to them: a route parameter ({loanId}) or a body field (loanId). A
/// bare {id} is named by the collection before it (/users/{id}, /proposals/{id}). Resources register their ids here;
/// a parameter nobody registered makes the walk fail, which is the cue to add a resource.
/// </summary>
public sealed class WalkIds
{
    private readonly Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _byCollection = new(StringComparer.OrdinalIgnoreCase);

    public void Name(string value, params string[] names)
    {
        foreach (var name in names)
        {
            _byName[name] = value;
        }
    }

    /// <summary>The value of <c>{id}</c> right after <paramref name="collection"/> (e.g. "proposals").</summary>
    public void NameIdIn(string collection, string value) => _byCollection[collection] = value;

    public string? ForParameter(string path, string parameter)
    {
        if (parameter == "id")
        {
            var marker = path.IndexOf("/{id}", StringComparison.Ordinal);
            var collection = marker < 0 ? "" : path[..marker].Split('/').Last();
            return _byCollection.TryGetValue(collection, out var byCollection) ? byCollection : null;
        }
        return _byName.GetValueOrDefault(parameter);
    }

    public string? ForField(string field) => _byName.GetValueOrDefault(field);

    public override string ToString() =>
        string.Join(", ", _byName.Select(p => $"{p.Key}={p.Value}").Concat(_byCollection.Select(p => $"{p.Key}/{{id}}={p.Value}")));
}
