using System.Text.Json.Nodes;

namespace GxProtocol.Backend.Tests.OpenApi;

/// <summary>
/// A syntactically valid JSON value for a documented schema, so that a request is judged on who sends it and not
/// refused for its shape: amounts "1", ids from <see cref="WalkIds"/> (user A's by default), hashes of 64 hex
/// digits, a real country, the first value of an enum. Optional properties are filled too, since a handler that
/// validates them before checking the caller would otherwise answer 400 and prove nothing; overrides win and take
/// the property's type (a "14" override for an integer property is sent as 14).
/// </summary>
public sealed class SampleBodies(ServiceDocument document, WalkIds ids, string defaultUserId)
{
    private const string Hex64 = "ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12";

    public JsonNode? For(JsonNode? schema, IReadOnlyDictionary<string, JsonNode?>? overrides = null) =>
        Value(schema, name: null, overrides ?? new Dictionary<string, JsonNode?>(), depth: 0);

    private JsonNode? Value(JsonNode? schemaNode, string? name, IReadOnlyDictionary<string, JsonNode?> overrides, int depth)
    {
        var schema = document.Resolve(schemaNode);
        if (schema is null || depth > 8)
        {
            return JsonValue.Create("1");
        }
        if ((schema["anyOf"] ?? schema["oneOf"]) is JsonArray choices)
        {
            var choice = choices.FirstOrDefault(c => Types(document.Resolve(c)).Any(t => t != "null")) ?? choices[0];
            return Value(choice, name, overrides, depth + 1);
        }
        if (schema["enum"] is JsonArray values && values.FirstOrDefault(v => v is not null) is { } first)
        {
            return first.DeepClone();
        }

        var types = Types(schema);
        if (types.Contains("object") || schema["properties"] is not null)
        {
            var body = new JsonObject();
            foreach (var (property, propertySchema) in schema["properties"] as JsonObject ?? [])
            {
                body[property] = overrides.TryGetValue(property, out var given)
                    ? Typed(given, document.Resolve(propertySchema))
                    : Value(propertySchema, property, overrides, depth + 1);
            }
            return body;
        }
        if (types.Contains("array"))
        {
            var count = Math.Max(1, schema["minItems"]?.GetValue<int>() ?? 1);
            return new JsonArray([.. Enumerable.Range(0, count).Select(_ => Value(schema["items"], Singular(name), overrides, depth + 1))]);
        }
        if (types.Contains("integer") || types.Contains("number"))
        {
            return JsonValue.Create(schema["minimum"]?.GetValue<decimal>() is { } minimum && minimum > 1 ? minimum : 1);
        }
        if (types.Contains("boolean"))
        {
            return JsonValue.Create(false);
        }
        return JsonValue.Create(String(schema, name));
    }

    private string String(JsonObject schema, string? name)
    {
        var format = schema["format"]?.ToString();
        var pattern = schema["pattern"]?.ToString();
        var lower = name?.ToLowerInvariant() ?? "";
        if (name is not null && ids.ForField(name) is { } known)
        {
            return known;
        }
        if (format == "uuid")
        {
            return defaultUserId;
        }
        if (pattern is not null && pattern.Contains("[0-9]{1,6}", StringComparison.Ordinal))
        {
            return "1";
        }
        return (format, lower) switch
        {
            ("date", _) => "1990-04-01",
            ("date-time", _) => DateTimeOffset.UtcNow.ToString("O"),
            ("email", _) or (_, "email") => "walk@services.test",
            (_, var field) when field.Contains("hash") => Hex64,
            (_, var field) when field.Contains("amount") || field.Contains("threshold") => "1",
            (_, "cc" or "code" or "countrycode" or "nationalitycountrycode" or "country") => "MY",
            (_, "paramid" or "targetparameter") => "votingPeriodDays",
            (_, "proposedvalue" or "newvalue" or "value") => "14",
            (_, "mime" or "evidencemime") => "application/pdf",
            (_, "vote") => "FOR",
            (_, "orgtype") => "business",
            (_, "type") => "FRIEND",
            (_, "transactiontype") => "TRANSFER",
            _ => "walk",
        };
    }

    private static JsonNode? Typed(JsonNode? given, JsonObject? schema)
    {
        var types = Types(schema);
        if (given is JsonValue value && value.TryGetValue<string>(out var text) && !types.Contains("string")
            && (types.Contains("integer") || types.Contains("number")) && decimal.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }
        return given?.DeepClone();
    }

    private static IReadOnlyList<string> Types(JsonObject? schema) => schema?["type"] switch
    {
        JsonArray many => many.Select(t => t!.ToString()).ToList(),
        JsonValue one => [one.ToString()],
        _ => [],
    };

    /// <summary>Array items are named after their array (stakeholderIds -> stakeholderId) so id rules still apply.</summary>
    private static string? Singular(string? name) => name is not null && name.EndsWith('s') ? name[..^1] : name;
}
