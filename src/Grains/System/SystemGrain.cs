using GxProtocol.Contract;
using GxProtocol.Grains.Commands;
using GxProtocol.Grains.Interfaces.Commands;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.System;
using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.Ledger;
using Microsoft.Extensions.Logging;
using Orleans.BroadcastChannel;
using Admin = GxProtocol.Contract.GxChaincode.Admin;

namespace GxProtocol.Grains.System;

/// <summary>
/// The system as the ledger describes it: bootstrap, countries, pools, parameters, pause state, treasuries. Issues the
/// AdminContract commands after checking what it can see, so a refusal it can predict never reaches the ledger.
/// </summary>
[ImplicitChannelSubscription(LedgerChannels.System)]
public sealed class SystemGrain(
    [PersistentState("system", GxStorage.Name)] IPersistentState<SystemState> state,
    CommandHandoff handoff,
    TimeProvider clock,
    ILogger<SystemGrain> logger) : Grain, ISystemGrain, IOnBroadcastChannelSubscribed
{
    private SystemState State => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        handoff.HandOffAllAsync(State.Log.Pending.Values, ISystemGrain.Key);

    public Task OnSubscribed(IBroadcastChannelSubscription subscription) =>
        subscription.Attach<LedgerEventBatch>(batch => LedgerEventBatches.ApplyAsync(batch, ApplyLedgerEvent, state.WriteStateAsync));

    public async Task<CommandAccepted> BootstrapAsync(Guid superAdminId, Guid commandId)
    {
        if (await RepeatedAsync(commandId) is { } repeat)
        {
            return repeat;
        }
        if (State.Bootstrapped || State.Log.IsPending(Admin.BootstrapSystem))
        {
            throw DomainRuleException.Conflict("already_bootstrapped", "The system has already been bootstrapped; the supply is minted once.");
        }
        return await AcceptAsync(commandId, Admin.BootstrapSystem, superAdminId, new BootstrapSystemArgs().ToArguments());
    }

    public async Task<CommandAccepted> InitializeCountriesAsync(Guid superAdminId, Guid commandId, IReadOnlyList<CountryView> countries)
    {
        if (await RepeatedAsync(commandId) is { } repeat)
        {
            return repeat;
        }
        var allocations = countries.Select(c => new CountryAllocation(c.Code, c.Name, c.Percentage)).ToList();
        return await AcceptAsync(commandId, Admin.InitializeCountryData, superAdminId, new InitializeCountryDataArgs(allocations).ToArguments());
    }

    public Task<SystemStatusView> GetStatusAsync() => Task.FromResult(new SystemStatusView(
        State.Bootstrapped, State.Paused, State.PauseReason, State.TotalSupply,
        new Dictionary<string, long>(State.Pools), State.Countries.ToList(), State.UsersOnChain));

    /// <summary>
    /// An accepted pause counts at once: between its commit and its event reaching this grain the ledger is paused
    /// already, and a transfer accepted in that gap would only be refused by the ledger.
    /// </summary>
    public Task<bool> IsPausedAsync() => Task.FromResult(State.Paused || State.Log.IsPending(Admin.PauseSystem));

    public async Task<CommandAccepted> UpdateParameterAsync(Guid adminId, Guid commandId, string paramId, long newValue)
    {
        if (await RepeatedAsync(commandId) is { } repeat)
        {
            return repeat;
        }
        if (GxParameters.Validate(paramId, newValue) is { } violation)
        {
            throw DomainRuleException.Invalid(GxParameters.IsKnown(paramId) ? "newValue" : "paramId", violation.Message);
        }
        return await AcceptAsync(commandId, Admin.UpdateSystemParameter, adminId, new UpdateSystemParameterArgs(paramId, newValue).ToArguments());
    }

    public Task<SystemParameterView?> GetParameterAsync(string paramId) => Task.FromResult(GxParameters.IsKnown(paramId)
        ? new SystemParameterView(paramId, State.Parameters.GetValueOrDefault(paramId, GxParameters.DefaultOf(paramId)), GxParameters.DefaultOf(paramId))
        : null);

    public async Task<CommandAccepted> PauseAsync(Guid superAdminId, Guid commandId, string reason)
    {
        if (await RepeatedAsync(commandId) is { } repeat)
        {
            return repeat;
        }
        RequireBootstrapped();
        if (State.Paused || State.Log.IsPending(Admin.PauseSystem))
        {
            throw DomainRuleException.Conflict("already_paused", $"The system is already paused{(State.PauseReason is { } why ? $" ({why})" : "")}.");
        }
        return await AcceptAsync(commandId, Admin.PauseSystem, superAdminId, new PauseSystemArgs(reason).ToArguments());
    }

    public async Task<CommandAccepted> ResumeAsync(Guid superAdminId, Guid commandId)
    {
        if (await RepeatedAsync(commandId) is { } repeat)
        {
            return repeat;
        }
        RequireBootstrapped();
        if (!State.Paused || State.Log.IsPending(Admin.ResumeSystem))
        {
            throw DomainRuleException.Conflict("not_paused", "The system is not paused.");
        }
        return await AcceptAsync(commandId, Admin.ResumeSystem, superAdminId, new ResumeSystemArgs().ToArguments());
    }

    public async Task<CommandAccepted> AppointAdminAsync(Guid superAdminId, Guid commandId, Guid newAdminId)
    {
        if (await RepeatedAsync(commandId) is { } repeat)
        {
            return repeat;
        }
        var candidate = await GrainFactory.GetGrain<IUserGrain>(newAdminId).GetProfileAsync()
            ?? throw new DomainRuleException(RuleViolationKind.NotFound, "user_not_found", "The user to appoint does not exist.", "newAdminId");
        var id = newAdminId.ToString();
        if (candidate.Role != UserRole.User || State.AppointedAdmins.Contains(id)
            || State.Log.Pending.Values.Any(c => c.TransactionName == Admin.AppointAdmin && AppointAdminArgs.FromStored(c.Arguments).NewAdminId == id))
        {
            throw DomainRuleException.Conflict("already_admin", "This user is already an admin or is being appointed.");
        }
        return await AcceptAsync(commandId, Admin.AppointAdmin, superAdminId, new AppointAdminArgs(id).ToArguments());
    }

    public async Task<CommandAccepted> ActivateTreasuryAsync(Guid superAdminId, Guid commandId, string countryCode)
    {
        if (await RepeatedAsync(commandId) is { } repeat)
        {
            return repeat;
        }
        if (State.Countries.All(c => c.Code != countryCode))
        {
            throw new DomainRuleException(RuleViolationKind.NotFound, "country_not_found",
                $"Country {countryCode} is not initialized, so it has no treasury.", "countryCode");
        }
        if (State.ActiveTreasuries.Contains(countryCode)
            || State.Log.Pending.Values.Any(c => c.TransactionName == Admin.ActivateTreasuryAccount && ActivateTreasuryAccountArgs.FromStored(c.Arguments).CountryCode == countryCode))
        {
            throw DomainRuleException.Conflict("treasury_already_active", $"The treasury of {countryCode} is already active or being activated.");
        }
        return await AcceptAsync(commandId, Admin.ActivateTreasuryAccount, superAdminId, new ActivateTreasuryAccountArgs(countryCode).ToArguments());
    }

    /// <summary>Written with the next event; after a restart the hand-off of the still pending command reports it again.</summary>
    public Task OnCommandCommittedAsync(Guid commandId, ulong blockNumber)
    {
        State.Log.Committed(commandId, blockNumber, State.LastApplied);
        return Task.CompletedTask;
    }

    public async Task OnCommandFailedAsync(Guid commandId, string code, string message)
    {
        if (State.Log.Finish(commandId) is not null)
        {
            await state.WriteStateAsync();
        }
    }

    private void RequireBootstrapped()
    {
        if (!State.Bootstrapped)
        {
            throw DomainRuleException.Conflict("not_bootstrapped", "The system is not bootstrapped yet.");
        }
    }

    private Task<CommandAccepted?> RepeatedAsync(Guid commandId) => handoff.RepeatedAsync(State.Log, commandId, ISystemGrain.Key);

    private Task<CommandAccepted> AcceptAsync(Guid commandId, string transactionName, Guid issuer, string[] arguments) =>
        handoff.AcceptAsync(State.Log, new LedgerCommand(commandId, transactionName, arguments, this.GetGrainId(), issuer, clock.GetUtcNow()),
            ISystemGrain.Key, state.WriteStateAsync);

    private bool ApplyLedgerEvent(LedgerEventEnvelope ledgerEvent)
    {
        if (!LedgerEventApplication.Apply(State.LastApplied, ledgerEvent, () => SystemLedgerEvents.Apply(State, ledgerEvent), logger))
        {
            return false;
        }
        State.LastApplied = ledgerEvent.Position;
        State.Log.SettleCommitted(ledgerEvent.Position);
        return true;
    }
}
