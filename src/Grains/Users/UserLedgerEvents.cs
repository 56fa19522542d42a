using GxProtocol.Fabric.Contract;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Grains.Users;

/// <summary>How each chaincode event changes a user's state. Balances are taken as the ledger reports them, never summed.</summary>
public static class UserLedgerEvents
{
    public static void Apply(UserState state, Guid userId, LedgerEventEnvelope ledgerEvent)
    {
        var me = userId.ToString();
        switch (ledgerEvent.EventName)
        {
            case nameof(UserCreated):
                var created = LedgerEventJson.Deserialize<UserCreated>(ledgerEvent.Payload);
                if (created.UserId == me && state.Profile is { } profile)
                {
                    state.Profile = profile with { Status = UserStatus.Active };
                    ForgetPending(state, c => c.TransactionName == GxChaincode.Identity.CreateUser);
                }
                TakeBalance(state, me, created.Balances);
                break;
            case nameof(TransferWithFeesCompleted):
                var transfer = LedgerEventJson.Deserialize<TransferWithFeesCompleted>(ledgerEvent.Payload);
                if (Guid.TryParse(transfer.CommandId, out var commandId))
                {
                    ForgetPending(state, c => c.CommandId == commandId);
                }
                TakeBalance(state, me, transfer.Balances);
                break;
        }
    }

    private static void TakeBalance(UserState state, string me, IReadOnlyList<AccountBalance> balances)
    {
        foreach (var balance in balances)
        {
            if (balance.Account == me)
            {
                state.Balance = balance.Balance;
            }
        }
    }

    private static void ForgetPending(UserState state, Func<Interfaces.Commands.LedgerCommand, bool> match)
    {
        foreach (var command in state.PendingCommands.Values.Where(match).ToList())
        {
            state.PendingCommands.Remove(command.CommandId);
            state.Holds.Remove(command.CommandId);
            state.RememberFinished(command.CommandId);
        }
    }
}
