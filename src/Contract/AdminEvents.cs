namespace GxProtocol.Contract;

[Party(LedgerPartyKind.System)]
public sealed record SystemParameterUpdated(string ParamId, long OldValue, long NewValue) : ILedgerEvent;

[Party(LedgerPartyKind.System)]
public sealed record SystemPaused(string Reason, DateTimeOffset PausedAt) : ILedgerEvent;

[Party(LedgerPartyKind.System)]
public sealed record SystemResumed(DateTimeOffset ResumedAt) : ILedgerEvent;

[Party(LedgerPartyKind.System)]
public sealed record AdminAppointed([property: Party(LedgerPartyKind.User)] string AdminId, DateTimeOffset AppointedAt) : ILedgerEvent;

/// <summary>A national treasury may now send; <paramref name="Balances"/> holds its balance.</summary>
[Party(LedgerPartyKind.System)]
public sealed record TreasuryActivated(string CountryCode, string Account, [property: Party(LedgerPartyKind.Account)] IReadOnlyList<AccountBalance> Balances) : ILedgerEvent;

/// <summary>
/// <paramref name="Credits"/> blind credit keys of <paramref name="Account"/> worth <paramref name="Amount"/> Qirat were
/// folded into its stored balance; its balance, and the supply, did not change.
/// </summary>
public sealed record BlindCreditsFolded([property: Party(LedgerPartyKind.Pool)] string Account, int Credits, long Amount) : ILedgerEvent;
