using GxProtocol.Grains.Interfaces.Commands;
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
    [Id(4)] public Dictionary<string, long> Pools { get; set; } = [];
    [Id(5)] public List<CountryView> Countries { get; set; } = [];
    [Id(6)] public long UsersOnChain { get; set; }
    [Id(7)] public Dictionary<Guid, LedgerCommand> PendingCommands { get; set; } = [];
    [Id(8)] public LedgerPosition LastApplied { get; set; } = LedgerPosition.None;
}
