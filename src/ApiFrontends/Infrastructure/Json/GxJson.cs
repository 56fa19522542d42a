using System.Text.Json;
using System.Text.Json.Serialization;

namespace GxProtocol.ApiFrontends.Infrastructure.Json;

/// <summary>
/// The one JSON contract of every frontend. Strict on input so that a typo or a wrong type is a 400 naming the
/// field instead of a silently ignored or defaulted value (a missing amount must never bind as zero).
/// </summary>
public static class GxJson
{
    /// <summary>A ready instance for code outside the HTTP pipeline (tests, clients) that must see the same contract.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // Web defaults accept "12" for an int; a number in quotes is a client bug we want reported.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.RespectRequiredConstructorParameters = true;
        options.RespectNullableAnnotations = true;
        options.AllowTrailingCommas = false;
        options.ReadCommentHandling = JsonCommentHandling.Disallow;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // API.md spells states as REGISTERED, PENDING_ADMIN_APPROVAL, FOR/AGAINST; members that need another
        // spelling carry [JsonStringEnumMemberName]. Integers are refused so 0 cannot stand in for a state.
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false));
    }
}
