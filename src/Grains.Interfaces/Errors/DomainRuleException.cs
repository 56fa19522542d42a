namespace GxProtocol.Grains.Interfaces.Errors;

/// <summary>How a refused request maps onto HTTP: the frontends turn each kind into one status code.</summary>
public enum RuleViolationKind
{
    Validation = 0,
    NotFound = 1,
    Forbidden = 2,
    Conflict = 3,
    Unprocessable = 4,
}

/// <summary>
/// A rule a grain checked before touching the ledger. Thrown across the grain boundary so the frontend can answer
/// 4xx with a stable <see cref="Code"/> and, where one field is at fault, its name.
/// </summary>
[GenerateSerializer, Alias("gx.DomainRuleException")]
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(RuleViolationKind kind, string code, string message, string? field = null) : base(message)
    {
        Kind = kind;
        Code = code;
        Field = field;
    }

    [Id(0)] public RuleViolationKind Kind { get; }
    [Id(1)] public string Code { get; }
    [Id(2)] public string? Field { get; }

    public static DomainRuleException NotFound(string what) => new(RuleViolationKind.NotFound, "not_found", $"{what} was not found.");
    public static DomainRuleException Conflict(string code, string message) => new(RuleViolationKind.Conflict, code, message);
    public static DomainRuleException Unprocessable(string code, string message, string? field = null) => new(RuleViolationKind.Unprocessable, code, message, field);
    public static DomainRuleException Invalid(string field, string message) => new(RuleViolationKind.Validation, "validation_failed", message, field);
}
