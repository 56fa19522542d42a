using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.System;
using Admin = GxProtocol.Contract.GxChaincode.Admin;

namespace GxProtocol.Grains.System;

/// <summary>How each chaincode event changes the system's state, and which command of the system's log it finishes.</summary>
public static class SystemLedgerEvents
{
    /// <summary>The events the listener routes to the system grain.</summary>
    public static readonly IReadOnlySet<string> Handled = new HashSet<string>
    {
        nameof(SystemBootstrapped), nameof(CountryDataInitialized), nameof(UserCreated), nameof(GenesisDistributed),
        nameof(SystemParameterUpdated), nameof(ProposalExecuted), nameof(SystemPaused), nameof(SystemResumed),
        nameof(AdminAppointed), nameof(TreasuryActivated),
    };

    public static void Apply(SystemState state, LedgerEventEnvelope ledgerEvent)
    {
        switch (ledgerEvent.EventName)
        {
            case nameof(SystemBootstrapped):
                var bootstrapped = LedgerEventJson.Deserialize<SystemBootstrapped>(ledgerEvent.Payload);
                state.Bootstrapped = true;
                state.TotalSupply = bootstrapped.TotalSupply;
                TakePools(state, bootstrapped.Pools);
                state.Log.FinishWhere(c => c.TransactionName == Admin.BootstrapSystem);
                break;
            case nameof(CountryDataInitialized):
                // The chaincode adds or updates the countries it is given and keeps the others.
                var countries = LedgerEventJson.Deserialize<CountryDataInitialized>(ledgerEvent.Payload).Countries;
                state.Countries = state.Countries.Where(kept => countries.All(c => c.Code != kept.Code))
                    .Concat(countries.Select(c => new CountryView(c.Code, c.Name, c.Percentage)))
                    .OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
                state.Log.FinishWhere(c => c.TransactionName == Admin.InitializeCountryData);
                break;
            case nameof(UserCreated):
                state.UsersOnChain++;
                TakePools(state, LedgerEventJson.Deserialize<UserCreated>(ledgerEvent.Payload).Balances);
                break;
            case nameof(GenesisDistributed):
                TakePools(state, LedgerEventJson.Deserialize<GenesisDistributed>(ledgerEvent.Payload).Balances);
                break;
            case nameof(SystemParameterUpdated):
                var updated = LedgerEventJson.Deserialize<SystemParameterUpdated>(ledgerEvent.Payload);
                state.Parameters[updated.ParamId] = updated.NewValue;
                state.Log.FinishWhere(c => c.TransactionName == Admin.UpdateSystemParameter
                    && UpdateSystemParameterArgs.FromStored(c.Arguments) == new UpdateSystemParameterArgs(updated.ParamId, updated.NewValue));
                break;
            case nameof(ProposalExecuted):
                var executed = LedgerEventJson.Deserialize<ProposalExecuted>(ledgerEvent.Payload);
                state.Parameters[executed.TargetParameter] = executed.NewValue;
                break;
            case nameof(SystemPaused):
                state.Paused = true;
                state.PauseReason = LedgerEventJson.Deserialize<SystemPaused>(ledgerEvent.Payload).Reason;
                state.Log.FinishWhere(c => c.TransactionName == Admin.PauseSystem);
                break;
            case nameof(SystemResumed):
                state.Paused = false;
                state.PauseReason = null;
                state.Log.FinishWhere(c => c.TransactionName == Admin.ResumeSystem);
                break;
            case nameof(AdminAppointed):
                var appointed = LedgerEventJson.Deserialize<AdminAppointed>(ledgerEvent.Payload);
                state.AppointedAdmins.Add(appointed.AdminId);
                state.Log.FinishWhere(c => c.TransactionName == Admin.AppointAdmin && AppointAdminArgs.FromStored(c.Arguments).NewAdminId == appointed.AdminId);
                break;
            case nameof(TreasuryActivated):
                var activated = LedgerEventJson.Deserialize<TreasuryActivated>(ledgerEvent.Payload);
                state.ActiveTreasuries.Add(activated.CountryCode);
                state.Log.FinishWhere(c => c.TransactionName == Admin.ActivateTreasuryAccount && ActivateTreasuryAccountArgs.FromStored(c.Arguments).CountryCode == activated.CountryCode);
                break;
        }
    }

    /// <summary>Only pools: treasuries and wallets named in the same balances belong to their own views.</summary>
    private static void TakePools(SystemState state, IEnumerable<AccountBalance> balances)
    {
        foreach (var balance in balances.Where(b => b.Account.StartsWith(GxSupply.PoolPrefix, StringComparison.Ordinal)))
        {
            state.Pools[balance.Account] = balance.Balance;
        }
    }
}
