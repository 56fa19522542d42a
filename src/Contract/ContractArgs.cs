using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GxProtocol.Contract;

/// <summary>
/// Positional string arguments of one invocation (what Fabric carries) with parsers that reject malformed input with a
/// <see cref="ContractArgumentException"/> naming the argument (the chaincode answers it with 400), so no parsing
/// exception ever reaches the dispatcher. The argument records (*Args.cs) read their fields through it.
/// </summary>
public sealed partial class ContractArgs(string function, IReadOnlyList<string> values)
{
    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    public void ExpectCount(int min, int max)
    {
        if (values.Count < min || values.Count > max)
        {
            throw new ContractArgumentException(min == max
                ? $"{function} takes {min} arguments; got {values.Count}."
                : $"{function} takes {min} to {max} arguments; got {values.Count}.");
        }
    }

    private string? Raw(int index) => index < values.Count ? values[index] : null;

    /// <summary>An identifier: 1–128 characters of letters, digits, '.', '_' or '-' (so it can never forge a state key).</summary>
    public string Id(int index, string name) =>
        OptionalId(index, name) ?? throw new ContractArgumentException($"{name} is required.");

    public string? OptionalId(int index, string name)
    {
        var raw = Raw(index);
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }
        return IsValidId(raw) ? raw : throw new ContractArgumentException(
            $"{name} must be {LedgerIds.ShapeDescription}; got '{Truncate(raw)}'.");
    }

    /// <summary>An account: a user or organization id, or a pool / treasury account name.</summary>
    public string Account(int index, string name)
    {
        var raw = Raw(index) ?? "";
        if (GxSupply.IsSystemAccount(raw) && IsValidId(raw[(raw.IndexOf(':') + 1)..]))
        {
            return raw;
        }
        return Id(index, name);
    }

    public string? OptionalAccount(int index, string name) => string.IsNullOrEmpty(Raw(index)) ? null : Account(index, name);

    public string Text(int index, string name, int maxLength, bool required)
    {
        var raw = Raw(index) ?? "";
        if (required && string.IsNullOrWhiteSpace(raw))
        {
            throw new ContractArgumentException($"{name} is required.");
        }
        if (raw.Length > maxLength)
        {
            throw new ContractArgumentException($"{name} must be at most {maxLength} characters; got {raw.Length}.");
        }
        return raw;
    }

    public string CountryCode(int index, string name) => NormalizeCountry(Raw(index), name);

    /// <summary>64 hexadecimal digits (a SHA-256), lower-cased; null when the argument is absent or empty.</summary>
    public string? OptionalSha256(int index, string name)
    {
        var raw = Raw(index);
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }
        if (raw.Length != 64 || !raw.All(char.IsAsciiHexDigit))
        {
            throw new ContractArgumentException($"{name} must be a SHA-256 in 64 hexadecimal digits.");
        }
        return raw.ToLowerInvariant();
    }

    public static string NormalizeCountry(string? raw, string name)
    {
        var code = (raw ?? "").Trim().ToUpperInvariant();
        return CountryPattern().IsMatch(code) ? code
            : throw new ContractArgumentException($"{name} must be an ISO 3166-1 alpha-2 code; got '{Truncate(raw ?? "")}'.");
    }

    /// <summary>A positive amount in integer Qirat.</summary>
    public long Qirat(int index, string name) => Long(index, name, 1, GxSupply.TotalSupplyQirat);

    public long Long(int index, string name, long min, long max)
    {
        var raw = Raw(index);
        if (!long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new ContractArgumentException($"{name} must be an integer; got '{Truncate(raw ?? "")}'.");
        }
        return value >= min && value <= max ? value
            : throw new ContractArgumentException($"{name} must be between {min} and {max}; got {value}.");
    }

    public int Int(int index, string name, int min, int max) => (int)Long(index, name, min, max);

    public int? OptionalInt(int index, string name, int min, int max) =>
        string.IsNullOrEmpty(Raw(index)) ? null : Int(index, name, min, max);

    /// <summary>Any integer, or null when absent; for a bound known only to the chaincode, checked with <see cref="InRange"/>.</summary>
    public long? OptionalLong(int index, string name) =>
        string.IsNullOrEmpty(Raw(index)) ? null : Long(index, name, long.MinValue, long.MaxValue);

    /// <summary>The range check of <see cref="Long"/>, with its wording, for a value parsed earlier.</summary>
    public static long InRange(long value, string name, long min, long max) =>
        value >= min && value <= max ? value
            : throw new ContractArgumentException($"{name} must be between {min} and {max}; got {value}.");

    public T Json<T>(int index, string name) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(Raw(index) ?? "", LedgerEventJson.Options)
                ?? throw new ContractArgumentException($"{name} must not be null.");
        }
        catch (JsonException e)
        {
            throw new ContractArgumentException($"{name} is not valid JSON of the expected shape: {e.Message}");
        }
    }

    /// <summary>A JSON array of distinct identifiers, 1 to <paramref name="maxCount"/> of them.</summary>
    public IReadOnlyList<string> IdList(int index, string name, int maxCount)
    {
        var ids = Json<List<string?>>(index, name);
        if (ids.Count == 0 || ids.Count > maxCount)
        {
            throw new ContractArgumentException($"{name} must list 1 to {maxCount} ids; got {ids.Count}.");
        }
        if (ids.Any(id => id is null || !IsValidId(id)))
        {
            throw new ContractArgumentException($"{name} must contain only valid ids.");
        }
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            throw new ContractArgumentException($"{name} must not repeat an id.");
        }
        return ids!;
    }

    private static bool IsValidId(string raw) => LedgerIds.IsWellFormed(raw);

    private static string Truncate(string raw) => raw.Length <= 40 ? raw : raw[..40] + "…";
}
