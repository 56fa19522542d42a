namespace GxProtocol.Fabric.Contract;

public sealed record SystemParameterUpdated(string ParamId, long OldValue, long NewValue);

public sealed record SystemPaused(string Reason, DateTimeOffset PausedAt);

public sealed record SystemResumed(DateTimeOffset ResumedAt);

public sealed record AdminAppointed(string AdminId, DateTimeOffset AppointedAt);

/// <summary>A national treasury may now send; <paramref name="Balances"/> holds its balance.</summary>
public sealed record TreasuryActivated(string CountryCode, string Account, IReadOnlyList<AccountBalance> Balances);
