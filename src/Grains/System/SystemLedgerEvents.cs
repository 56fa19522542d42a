using GxProtocol.Fabric.Contract;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.System;

namespace GxProtocol.Grains.System;

/// <summary>How each chaincode event changes the system's state.</summary>
public static class SystemLedgerEvents
{
    /// <summary>The events the listener routes to the system grain.</summary>
    public static readonly IReadOnlySet<string> Handled = new HashSet<string>
    {
        nameof(SystemBootstrapped), nameof(CountryDataInitialized), nameof(UserCreated),
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
                ForgetPending(state, GxChaincode.Admin.BootstrapSystem);
                break;
            case nameof(CountryDataInitialized):
                var countries = LedgerEventJson.Deserialize<CountryDataInitialized>(ledgerEvent.Payload);
                state.Countries = countries.Countries.Select(c => new CountryView(c.Code, c.Name, c.Percentage)).ToList();
                ForgetPending(state, GxChaincode.Admin.InitializeCountryData);
                break;
            case nameof(UserCreated):
                var created = LedgerEventJson.Deserialize<UserCreated>(ledgerEvent.Payload);
                state.UsersOnChain++;
                TakePools(state, created.Balances);
                break;
        }
    }

    private static void TakePools(SystemState state, IEnumerable<AccountBalance> balances)
    {
        foreach (var balance in balances.Where(b => !Guid.TryParse(b.Account, out _)))
        {
            state.Pools[balance.Account] = balance.Balance;
        }
    }

    private static void ForgetPending(SystemState state, string transactionName)
    {
        foreach (var id in state.PendingCommands.Where(p => p.Value.TransactionName == transactionName).Select(p => p.Key).ToList())
        {
            state.PendingCommands.Remove(id);
        }
    }
}
