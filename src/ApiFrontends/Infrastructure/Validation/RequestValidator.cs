using System.Text.RegularExpressions;
using GxProtocol.ApiFrontends.Domain;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GxProtocol.ApiFrontends.Infrastructure.Validation;

/// <summary>
/// Collects field errors for one request, then answers them all at once:
/// <code>
/// if (new RequestValidator().Required("email", body.Email, 254).Email("email", body.Email).HasProblem(out var problem))
///     return problem;
/// </code>
/// Format checks skip absent values (pair them with <see cref="Required"/>) and fields that already failed, so a
/// client sees one message per field.
/// </summary>
public sealed partial class RequestValidator
{
    public const int MaxPageLimit = 100;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public IReadOnlyDictionary<string, string[]> Errors => _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());

    public RequestValidator Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Fail(field, "is required.");
        }
        return MaxLength(field, value, maxLength);
    }

    public RequestValidator Optional(string field, string? value, int maxLength) =>
        value is null ? this : MaxLength(field, value, maxLength);

    public RequestValidator Email(string field, string? value) =>
        Check(field, value, v => v.Length <= 254 && EmailShape().IsMatch(v), "must be an email address.");

    public RequestValidator CountryCode(string field, string? value) =>
        Check(field, value, IsoCountryCodes.IsAssigned, "must be an ISO 3166-1 alpha-2 country code such as \"US\".");

    /// <summary>SHA-256 digests (KYC evidence, loan collateral): 64 hex digits.</summary>
    public RequestValidator Sha256Hex(string field, string? value) =>
        Check(field, value, v => v.Length == 64 && v.All(char.IsAsciiHexDigit), "must be 64 hexadecimal digits (a SHA-256 digest).");

    public RequestValidator GuidId(string field, string? value) =>
        Check(field, value, v => Guid.TryParse(v, out var id) && id != Guid.Empty, "must be a non-empty GUID.");

    public RequestValidator NotEmpty(string field, Guid value) =>
        value == Guid.Empty ? Fail(field, "must be a non-empty GUID.") : this;

    /// <summary>Page size of list endpoints; absent means the endpoint's default.</summary>
    public RequestValidator PageLimit(string field, int? value) =>
        value is null or (>= 1 and <= MaxPageLimit) ? this : Fail(field, $"must be between 1 and {MaxPageLimit}.");

    public RequestValidator InRange(string field, long? value, long min, long max) =>
        value is null || (value >= min && value <= max) ? this : Fail(field, $"must be between {min} and {max}.");

    public RequestValidator Must(bool condition, string field, string message) => condition ? this : Fail(field, message);

    public RequestValidator Fail(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }
        messages.Add(message);
        return this;
    }

    /// <summary>The 400 <c>validation_failed</c> problem when any check failed.</summary>
    public ProblemHttpResult? ToProblem() => IsValid ? null : GxProblems.Validation(Errors);

    public bool HasProblem([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ProblemHttpResult? problem)
    {
        problem = ToProblem();
        return problem is not null;
    }

    private RequestValidator MaxLength(string field, string value, int maxLength) =>
        value.Length > maxLength ? Fail(field, $"must be at most {maxLength} characters.") : this;

    private RequestValidator Check(string field, string? value, Func<string, bool> isValid, string message)
    {
        if (value is null || _errors.ContainsKey(field))
        {
            return this;
        }
        return isValid(value) ? this : Fail(field, message);
    }

    // Deliberately loose: one '@', a dot in the domain, no spaces. Deliverability is proven by the mail, not a regex.
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();
}
