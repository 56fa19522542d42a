using System.Text.Json;
using GxProtocol.Fabric.Contract;
using GxProtocol.Grains.Commands;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.System;
using GxProtocol.Grains.Ledger;
using Microsoft.Extensions.Logging;
using Orleans.BroadcastChannel;

namespace GxProtocol.Grains.System;

/// <summary>The system as the ledger describes it: bootstrap, countries, pools, pause state.</summary>
[ImplicitChannelSubscription(LedgerChannels.System)]
public sealed class SystemGrain(
    [PersistentState("system", GxStorage.Name)] IPersistentState<SystemState> state,
    CommandHandoff handoff,
    TimeProvider clock,
    ILogger<SystemGrain> logger) : Grain, ISystemGrain, IOnBroadcastChannelSubscribed
{
    private SystemState State => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        handoff.HandOffAllAsync(State.PendingCommands.Values, ISystemGrain.Key);

    public Task OnSubscribed(IBroadcastChannelSubscription subscription) =>
        subscription.Attach<LedgerEventEnvelope>(ApplyLedgerEventAsync);

    public async Task<CommandAccepted> BootstrapAsync(Guid superAdminId, Guid commandId)
    {
        if (await RepeatedAsync(commandId) is { } repeat)
        {
            return repeat;
        }
        if (State.Bootstrapped || State.PendingCommands.Values.Any(c => c.TransactionName == GxChaincode.Admin.BootstrapSystem))
        {
            throw DomainRuleException.Conflict("already_bootstrapped", "The system has already been bootstrapped; the supply is minted once.");
        }
        return await AcceptAsync(commandId, GxChaincode.Admin.BootstrapSystem, superAdminId, []);
    }

    public async Task<CommandAccepted> InitializeCountriesAsync(Guid superAdminId, Guid commandId, IReadOnlyList<CountryView> countries)
    {
        if (await RepeatedAsync(commandId) is { } repeat)
        {
            return repeat;
        }
        var allocations = countries.Select(c => new CountryAllocation(c.Code, c.Name, c.Percentage)).ToList();
        return await AcceptAsync(commandId, GxChaincode.Admin.InitializeCountryData, superAdminId,
            [JsonSerializer.Serialize(allocations, LedgerEventJson.Options)]);
    }

    public Task<SystemStatusView> GetStatusAsync() => Task.FromResult(new SystemStatusView(
        State.Bootstrapped, State.Paused, State.PauseReason, State.TotalSupply,
        new Dictionary<string, long>(State.Pools), State.Countries.ToList(), State.UsersOnChain));

    public async Task OnCommandFailedAsync(Guid commandId, string code, string message)
    {
        if (State.PendingCommands.Remove(commandId))
        {
            await state.WriteStateAsync();
        }
    }

    /// <summary>A pending command seen again is handed off again: its first hand-off may have died with a silo.</summary>
    private async Task<CommandAccepted?> RepeatedAsync(Guid commandId)
    {
        if (!State.PendingCommands.TryGetValue(commandId, out var pending))
        {
            return null;
        }
        await handoff.HandOffAsync(pending, ISystemGrain.Key);
        return new CommandAccepted(commandId, CommandState.Pending);
    }

    private async Task<CommandAccepted> AcceptAsync(Guid commandId, string transactionName, Guid issuer, string[] arguments)
    {
        var command = new LedgerCommand(commandId, transactionName, arguments, this.GetGrainId(), issuer, clock.GetUtcNow());
        State.PendingCommands[commandId] = command;
        await state.WriteStateAsync();
        await handoff.HandOffAsync(command, ISystemGrain.Key);
        return new CommandAccepted(commandId, CommandState.Pending);
    }

    private async Task ApplyLedgerEventAsync(LedgerEventEnvelope ledgerEvent)
    {
        if (!LedgerEventApplication.Apply(State.LastApplied, ledgerEvent, () => SystemLedgerEvents.Apply(State, ledgerEvent), logger))
        {
            return;
        }
        State.LastApplied = ledgerEvent.Position;
        await state.WriteStateAsync();
    }
}
