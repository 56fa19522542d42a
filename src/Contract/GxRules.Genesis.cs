namespace GxProtocol.Contract;

/// <summary>One genesis phase: how many users it serves world-wide and what each genesis pays.</summary>
public sealed record GenesisPhase(int Phase, long UserLimit, long UserAmountQirat, long TreasuryAmountQirat);

/// <summary>What the next genesis in a country pays; phase 0 means every phase is exhausted (amounts zero).</summary>
public sealed record GenesisAllocation(int Phase, long UserAmountQirat, long TreasuryAmountQirat)
{
    public bool IsExhausted => Phase == 0;
    public static GenesisAllocation Exhausted { get; } = new(0, 0, 0);
}

public static partial class GxRules
{
    public const int MinGenesisAge = 13;
    public const int MaxGenesisAge = 73;

    public static IReadOnlyList<GenesisPhase> GenesisPhases { get; } =
    [
        new(1, 100_000_000, 500 * GxChaincode.QiratPerCoin, 50 * GxChaincode.QiratPerCoin),
        new(2, 200_000_000, 400 * GxChaincode.QiratPerCoin, 50 * GxChaincode.QiratPerCoin),
        new(3, 300_000_000, 300 * GxChaincode.QiratPerCoin, 50 * GxChaincode.QiratPerCoin),
        new(4, 400_000_000, 200 * GxChaincode.QiratPerCoin, 50 * GxChaincode.QiratPerCoin),
        new(5, 1_550_000_000, 100 * GxChaincode.QiratPerCoin, 50 * GxChaincode.QiratPerCoin),
        new(6, 2_450_000_000, 50 * GxChaincode.QiratPerCoin, 10 * GxChaincode.QiratPerCoin),
    ];

    public static bool IsGenesisAgeEligible(int age) => age is >= MinGenesisAge and <= MaxGenesisAge;

    /// <summary>
    /// A country's slots in a phase: its percentage (0–100) of the phase's user limit, rounded down so the
    /// countries together never exceed the limit (and so never drain the pools beyond their allocation).
    /// </summary>
    public static long CountrySlots(decimal countryPercentage, long phaseUserLimit) =>
        (long)decimal.Floor(countryPercentage * phaseUserLimit / 100m);

    /// <summary>
    /// The allocation of the next genesis in a country that has already paid <paramref name="recipientsSoFar"/>
    /// geneses: the first phase whose cumulative country slots exceed that count.
    /// </summary>
    public static GenesisAllocation GenesisFor(decimal countryPercentage, long recipientsSoFar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(recipientsSoFar);
        long cumulativeSlots = 0;
        foreach (var phase in GenesisPhases)
        {
            cumulativeSlots += CountrySlots(countryPercentage, phase.UserLimit);
            if (recipientsSoFar < cumulativeSlots)
            {
                return new(phase.Phase, phase.UserAmountQirat, phase.TreasuryAmountQirat);
            }
        }
        return GenesisAllocation.Exhausted;
    }
}
