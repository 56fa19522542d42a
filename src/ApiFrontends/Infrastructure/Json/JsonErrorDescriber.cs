using System.Text.Json;
using System.Text.RegularExpressions;

namespace GxProtocol.ApiFrontends.Infrastructure.Json;

/// <summary>
/// Turns a System.Text.Json failure into field errors a client can act on. The serializer's own messages name .NET
/// types, which are internals; only messages our converters wrote (they carry no "Path:" suffix) pass through.
/// </summary>
internal static partial class JsonErrorDescriber
{
    public const string BodyField = "body";

    public static Dictionary<string, string[]> Describe(JsonException exception)
    {
        var message = exception.Message;
        var field = FieldFromPath(exception.Path);

        var missing = MissingRequiredProperties().Match(message);
        if (missing.Success)
        {
            var names = missing.Groups["names"].Value.Split(", ", StringSplitOptions.RemoveEmptyEntries)
                .Select(name => Join(field, name.Trim('\'')));
            return names.ToDictionary(name => name, _ => new[] { "is required." });
        }

        var unmapped = UnmappedProperty().Match(message);
        if (unmapped.Success)
        {
            // The path usually already ends at the unknown property; older serializers stop at its parent.
            var name = unmapped.Groups["name"].Value;
            var unknownField = field == name || field.EndsWith("." + name, StringComparison.Ordinal) ? field : Join(field, name);
            return new() { [unknownField] = ["is not a known field."] };
        }

        if (message.Contains("doesn't allow null values", StringComparison.Ordinal) ||
            message.Contains("does not allow null values", StringComparison.Ordinal))
        {
            var nullParameter = NullParameter().Match(message);
            var nullField = field != BodyField ? field : nullParameter.Success ? nullParameter.Groups["name"].Value : BodyField;
            return new() { [nullField] = ["must not be null."] };
        }

        if (message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            return new() { [field] = ["has the wrong type or format."] };
        }

        if (exception.InnerException is not null || message.Contains("LineNumber:", StringComparison.Ordinal))
        {
            // Reader errors (bad syntax, truncated body) carry an inner reader exception or the position suffix.
            return new() { [field] = ["is not valid JSON."] };
        }

        return new() { [field] = [message] };
    }

    public static string FieldFromPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return BodyField;
        }
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private static string Join(string parent, string name) =>
        parent == BodyField ? CamelCase(name) : $"{parent}.{CamelCase(name)}";

    private static string CamelCase(string name) =>
        name.Length > 0 && char.IsUpper(name[0]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    [GeneratedRegex("missing required properties including: (?<names>.+?)\\.?( Path:|$)")]
    private static partial Regex MissingRequiredProperties();

    [GeneratedRegex("The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex("parameter '(?<name>[^']+)'")]
    private static partial Regex NullParameter();
}
