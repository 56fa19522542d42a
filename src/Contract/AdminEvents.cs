namespace GxProtocol.Contract;

public sealed record SystemParameterUpdated(string ParamId, long OldValue, long NewValue);

public sealed record SystemPaused(string Reason, DateTimeOffset PausedAt);

public sealed record SystemResumed(DateTimeOffset ResumedAt);

public sealed record AdminAppointed(string AdminId, DateTimeOffset AppointedAt);

/// <summary>A national treasury may now send; <paramref name="Balances"/> holds its balance.</summary>
public sealed record TreasuryActivated(string CountryCode, string Account, IReadOnlyList<AccountBalance> Balances);

/// <summary>
/// <paramref name="Credits"/> blind credit keys of <paramref name="Account"/> worth <paramref name="Amount"/> Qirat were
/// folded into its stored balance; its balance, and the supply, did not change.
/// </summary>
public sealed record BlindCreditsFolded(string Account, int Credits, long Amount);
