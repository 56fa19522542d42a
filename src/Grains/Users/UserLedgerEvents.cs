using GxProtocol.Contract;
using GxProtocol.Grains.Commands;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.Users;
using GxProtocol.Grains.Ledger;

namespace GxProtocol.Grains.Users;

/// <summary>
/// How each chaincode event changes a user's state. Balances are taken as the ledger reports them, never summed:
/// any event whose payload lists this wallet among its balances (transfers, genesis, loans, multi-signature
/// payouts, velocity tax) sets the balance.
/// </summary>
public static class UserLedgerEvents
{
    public static void Apply(UserState state, CommandLog commands, Guid userId, LedgerEventEnvelope ledgerEvent)
    {
        var me = userId.ToString();
        switch (ledgerEvent.EventName)
        {
            case nameof(UserCreated):
                var created = LedgerEventJson.Deserialize<UserCreated>(ledgerEvent.Payload);
                if (created.UserId == me && state.Profile is { } profile)
                {
                    state.Profile = profile with { Status = UserStatus.Active };
                    state.GenesisReceived = created.GenesisAmount > 0;
                    commands.FinishWhere(c => c.TransactionName == GxChaincode.Identity.CreateUser);
                }
                break;
            case nameof(TransferWithFeesCompleted):
                var transfer = LedgerEventJson.Deserialize<TransferWithFeesCompleted>(ledgerEvent.Payload);
                if (Guid.TryParse(transfer.CommandId, out var commandId))
                {
                    commands.FinishWhere(c => c.CommandId == commandId);
                }
                break;
            case nameof(WalletFrozen) when LedgerEventJson.Deserialize<WalletFrozen>(ledgerEvent.Payload).UserId == me:
                state.Frozen = true;
                commands.FinishWhere(c => c.TransactionName == GxChaincode.Tokenomics.FreezeWallet);
                break;
            case nameof(WalletUnfrozen) when LedgerEventJson.Deserialize<WalletUnfrozen>(ledgerEvent.Payload).UserId == me:
                state.Frozen = false;
                commands.FinishWhere(c => c.TransactionName == GxChaincode.Tokenomics.UnfreezeWallet);
                break;
            case nameof(GenesisDistributed) when LedgerEventJson.Deserialize<GenesisDistributed>(ledgerEvent.Payload).UserId == me:
                state.GenesisReceived = true;
                commands.FinishWhere(c => c.TransactionName == GxChaincode.Tokenomics.DistributeGenesis);
                break;
            case nameof(AdminAppointed) when LedgerEventJson.Deserialize<AdminAppointed>(ledgerEvent.Payload).AdminId == me:
                // The ledger records the appointment; the backend's role decides what the next login token carries.
                if (state.Profile is { Role: UserRole.User } appointee)
                {
                    state.Profile = appointee with { Role = UserRole.Admin };
                }
                break;
        }
        if (LedgerPayloads.BalanceOf(ledgerEvent.Payload, me) is { } balance)
        {
            state.Balance = balance;
        }
    }
}
