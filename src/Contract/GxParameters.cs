namespace GxProtocol.Contract;

/// <summary>
/// The governable system parameters, their defaults and allowed ranges. Values are whole numbers; a parameter
/// never written on chain has its default.
/// </summary>
public static class GxParameters
{
    /// <summary>The same-country rate (bps) for transfers above 100 coins; the other fee bands are fixed.</summary>
    public const string TransactionFeeBps = "transactionFeeBps";
    public const string VotingPeriodDays = "votingPeriodDays";
    public const string MinProposalQuorum = "minProposalQuorum";
    public const string VelocityTaxPeriodDays = "velocityTaxPeriodDays";
    public const string MaxLoanDurationDays = "maxLoanDurationDays";
    public const string LoanInterestRateBps = "loanInterestRateBps";

    /// <summary>Days a multi-signature transfer (or rule change) may wait for approvals before it can no longer execute.</summary>
    public const string MultiSigExpiryDays = "multiSigExpiryDays";

    public const int DefaultTransactionFeeBps = 10;

    private sealed record Definition(long Default, long Min, long Max);

    private static readonly SortedDictionary<string, Definition> Definitions = new(StringComparer.Ordinal)
    {
        // The fee is capped at 10% of the amount anyway; 1000 bps keeps a governance vote from exceeding it.
        [TransactionFeeBps] = new(DefaultTransactionFeeBps, 0, 1_000),
        [VotingPeriodDays] = new(14, 1, 365),
        [MinProposalQuorum] = new(100, 1, 1_000_000_000),
        [VelocityTaxPeriodDays] = new(360, 1, 3_650),
        [MaxLoanDurationDays] = new(365, 1, 3_650),
        // Loans are interest-free by protocol; the parameter exists for governance but defaults to zero.
        [LoanInterestRateBps] = new(0, 0, 10_000),
        [MultiSigExpiryDays] = new(7, 1, 365),
    };

    public static IReadOnlyCollection<string> Names => Definitions.Keys;

    public static bool IsKnown(string name) => Definitions.ContainsKey(name);

    public static long DefaultOf(string name) =>
        Definitions.TryGetValue(name, out var definition)
            ? definition.Default
            : throw new ArgumentException($"Unknown system parameter '{name}'.", nameof(name));

    /// <summary>Null when <paramref name="value"/> is an allowed value of the parameter <paramref name="name"/>.</summary>
    public static RuleViolation? Validate(string name, long value)
    {
        if (!Definitions.TryGetValue(name, out var definition))
        {
            return new("UNKNOWN_PARAMETER", $"Unknown system parameter '{name}'; known: {string.Join(", ", Definitions.Keys)}.");
        }

        return value < definition.Min || value > definition.Max
            ? new("PARAMETER_OUT_OF_RANGE", $"{name} must be between {definition.Min} and {definition.Max}; got {value}.")
            : null;
    }
}
