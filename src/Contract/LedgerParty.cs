namespace GxProtocol.Contract;

/// <summary>What kind of participant a <see cref="LedgerParty"/> names; the backend routes an event to each party's grain.</summary>
public enum LedgerPartyKind
{
    /// <summary>The system as a whole (supply, countries, parameters, pause, admins): declared on the event type, without an id.</summary>
    System,

    /// <summary>A user id; an id that is not a user's (an organization wallet, a treasury) concerns no user.</summary>
    User,

    /// <summary>
    /// A ledger account whose balance the event reports: a user, an organization wallet, or a pool or treasury
    /// (which concern no grain).
    /// </summary>
    Account,

    Organization,
    Loan,
    Proposal,

    /// <summary>A pool or treasury account named by itself: it concerns no grain (the read models follow it).</summary>
    Pool,

    /// <summary>An account whose tax clock the event restarts or charges: it paid a fee or a velocity tax, or sent money.</summary>
    TaxAccount,
}

/// <summary>One participant an event concerns.</summary>
public sealed record LedgerParty(LedgerPartyKind Kind, string Id);

/// <summary>
/// Declares a party of a ledger event. On a property (string, or a list of <see cref="AccountBalance"/> whose accounts
/// are the parties) it names the party by the property's value; on the event type (only <see cref="LedgerPartyKind.System"/>)
/// it says the event concerns the system as a whole. A property may name several kinds of party.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class, AllowMultiple = true)]
public sealed class PartyAttribute(LedgerPartyKind kind) : Attribute
{
    public LedgerPartyKind Kind { get; } = kind;
}
