using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Grains.Users;

[GenerateSerializer, Alias("gx.UserState")]
public sealed class UserState
{
    [Id(0)] public UserProfile? Profile { get; set; }
    [Id(1)] public string PasswordHash { get; set; } = "";
    [Id(2)] public KycView Kyc { get; set; } = new("NOT_SUBMITTED", null, null, null, null);

    /// <summary>The balance the ledger last reported for this wallet, in Qirat.</summary>
    [Id(3)] public long Balance { get; set; }

    /// <summary>
    /// Funds held for loan repayments in flight (the loan grain's commands), by command id. What this user's own
    /// commands hold is on their outbox rows (<see cref="LedgerCommand.Hold"/>).
    /// </summary>
    [Id(4)] public Dictionary<Guid, long> Holds { get; set; } = [];

    /// <summary>Where earlier versions kept this user's commands in flight; moved to outbox rows on activation.</summary>
    [Id(5)] public Dictionary<Guid, LedgerCommand> LegacyPendingCommands { get; set; } = [];

    [Id(6)] public LedgerPosition LastApplied { get; set; } = LedgerPosition.None;
    [Id(7)] public List<RefreshSession> RefreshSessions { get; set; } = [];
    [Id(8)] public bool Frozen { get; set; }

    // Id 9 held the last finished command ids in earlier versions; a repeat is now recognised by the command's own row.

    /// <summary>Whether the ledger paid this user's genesis (at registration or later by DistributeGenesis).</summary>
    [Id(10)] public bool GenesisReceived { get; set; }

    /// <summary>Confirmed relationships by id: the relationship part of the trust score.</summary>
    [Id(11)] public Dictionary<Guid, ConfirmedRelationship> Relationships { get; set; } = [];

    /// <summary>This user's open loans and repayment holds, as a borrower.</summary>
    [Id(12)] public BorrowerLoans Loans { get; set; } = new();

    /// <summary>
    /// Takes the commands earlier versions stored here, each with the hold it had in <see cref="Holds"/>: they become
    /// outbox rows, which is where this user's commands in flight live now.
    /// </summary>
    public IReadOnlyList<LedgerCommand> TakeLegacyCommands()
    {
        var commands = LegacyPendingCommands.Values
            .Select(c => Holds.Remove(c.CommandId, out var hold) ? c with { Hold = hold } : c)
            .ToList();
        LegacyPendingCommands.Clear();
        return commands;
    }
}

/// <summary>
/// One refresh token of a session family (a login and its rotations). A rotated token is kept, marked, until its family
/// ends: presenting it again is reuse, and revokes the family.
/// </summary>
[GenerateSerializer, Alias("gx.RefreshSession")]
public sealed record RefreshSession(
    [property: Id(0)] string TokenHash,
    [property: Id(1)] DateTimeOffset ExpiresAt,
    [property: Id(2)] Guid FamilyId = default,
    [property: Id(3)] DateTimeOffset? FamilyExpiresAt = null,
    [property: Id(4)] bool Rotated = false);
