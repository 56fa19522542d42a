using GxProtocol.Grains.Commands;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.System;

namespace GxProtocol.Grains.System;

[GenerateSerializer, Alias("gx.SystemState")]
public sealed class SystemState
{
    [Id(0)] public bool Bootstrapped { get; set; }
    [Id(1)] public bool Paused { get; set; }
    [Id(2)] public string? PauseReason { get; set; }
    [Id(3)] public long TotalSupply { get; set; }

    /// <summary>The system pools (<c>pool:*</c>) by the balance the ledger last reported.</summary>
    [Id(4)] public Dictionary<string, long> Pools { get; set; } = [];
    [Id(5)] public List<CountryView> Countries { get; set; } = [];
    [Id(6)] public long UsersOnChain { get; set; }

    // Id 7 held the pending commands before the command log (Id 9) replaced them; it stays retired.
    [Id(8)] public LedgerPosition LastApplied { get; set; } = LedgerPosition.None;
    [Id(9)] public CommandLog Log { get; set; } = new();

    /// <summary>Parameters the ledger has set (update or executed proposal); absent ones have their default.</summary>
    [Id(10)] public Dictionary<string, long> Parameters { get; set; } = [];

    /// <summary>Country codes whose national treasury the ledger activated.</summary>
    [Id(11)] public HashSet<string> ActiveTreasuries { get; set; } = [];

    /// <summary>Users the ledger recorded as appointed admins (a handful): the appointment is refused a second time.</summary>
    [Id(12)] public HashSet<string> AppointedAdmins { get; set; } = [];
}
