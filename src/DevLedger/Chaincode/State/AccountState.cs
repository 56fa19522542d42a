using System.Text.Json.Serialization;

namespace GxProtocol.DevLedger.Chaincode.State;

/// <summary>
/// Any balance-holding account: a user or organization wallet (<c>wallet:{id}</c>), a pool (<c>pool:{name}</c>)
/// or a national treasury (<c>treasury:{cc}</c>). <see cref="IdleSince"/> is when the wallet last sent a transfer,
/// was created or was velocity-taxed: the velocity-tax clock. <see cref="Active"/> matters for treasuries only.
/// </summary>
internal sealed record AccountState(
    string Account,
    string Kind,
    long Balance,
    string? Country,
    bool Frozen,
    bool Active,
    DateTimeOffset IdleSince)
{
    public const string UserKind = "user";
    public const string OrganizationKind = "organization";
    public const string PoolKind = "pool";
    public const string TreasuryKind = "treasury";

    /// <summary>
    /// The blind credits <see cref="AccountBook.Find"/> added to the stored base balance to give <see cref="Balance"/>.
    /// Never stored: saving subtracts it again so the credit keys, which stay in place, are not counted twice. A
    /// <c>with</c> copy keeps it, so a state read, changed and saved carries the right amount to subtract.
    /// </summary>
    [JsonIgnore]
    public long FoldedCredits { get; init; }

    [JsonIgnore]
    public bool IsWallet => Kind is UserKind or OrganizationKind;
}
