namespace GxProtocol.Contract;

/// <summary>Why a rule refuses an operation: a stable code for the backend and a message for people.</summary>
public sealed record RuleViolation(string Code, string Message);
