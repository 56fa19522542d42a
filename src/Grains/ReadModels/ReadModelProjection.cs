using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.ReadModels;
using Collections = GxProtocol.Grains.ReadModels.ReadModelCollections;
using Counters = GxProtocol.Grains.ReadModels.ReadModelCollections.Counters;

namespace GxProtocol.Grains.ReadModels;

/// <summary>
/// Turns a chaincode event into read-model changes. Pure: the same event always gives the same changes, so a replay
/// of the ledger rebuilds the same read models. Money movements live here; organizations, loans and proposals in
/// ReadModelProjection.Entities.cs.
/// </summary>
public static partial class ReadModelProjection
{
    public static ReadModelChanges ChangesFor(LedgerEventEnvelope ledgerEvent)
    {
        var changes = new ReadModelChangeSet(ledgerEvent);
        var payload = ledgerEvent.Payload;
        switch (ledgerEvent.EventName)
        {
            case nameof(SystemBootstrapped):
                changes.Count(Counters.TotalSupply, LedgerEventJson.Deserialize<SystemBootstrapped>(payload).TotalSupply);
                break;
            case nameof(CountryDataInitialized):
                foreach (var country in LedgerEventJson.Deserialize<CountryDataInitialized>(payload).Countries)
                {
                    changes.Patch(Collections.Treasuries, country.Code, new { countryCode = country.Code }, Collections.All);
                }
                break;
            case nameof(TreasuryActivated):
                var activated = LedgerEventJson.Deserialize<TreasuryActivated>(payload);
                changes.Patch(Collections.Treasuries, activated.CountryCode, new { countryCode = activated.CountryCode, active = true }, Collections.All)
                    .TreasuryBalances(activated.Balances);
                break;
            case nameof(UserCreated):
                var created = LedgerEventJson.Deserialize<UserCreated>(payload);
                Genesis(changes, created.UserId, created.Nationality, created.GenesisAmount, created.Balances).Count(Counters.Users)
                    .Count(Counters.UsersOf(created.Nationality));
                break;
            case nameof(GenesisDistributed):
                var genesis = LedgerEventJson.Deserialize<GenesisDistributed>(payload);
                Genesis(changes, genesis.UserId, genesis.Nationality, genesis.GenesisAmount, genesis.Balances);
                break;
            case nameof(TransferWithFeesCompleted):
                var transfer = LedgerEventJson.Deserialize<TransferWithFeesCompleted>(payload);
                changes.Line(transfer.From, WalletTransactionKinds.TransferOut, transfer.To, -(transfer.Amount + transfer.FeeFromSender),
                        transfer.FeeFromSender, transfer.Balances, transfer.Remark)
                    .Line(transfer.To, WalletTransactionKinds.TransferIn, transfer.From, transfer.NetReceived, transfer.FeeFromReceiver, transfer.Balances, transfer.Remark)
                    .TreasuryBalances(transfer.Balances)
                    .Count(Counters.Transfers);
                break;
            case nameof(VelocityTaxApplied):
                var tax = LedgerEventJson.Deserialize<VelocityTaxApplied>(payload);
                changes.Line(tax.AccountId, WalletTransactionKinds.VelocityTax, null, -tax.Tax, 0, tax.Balances, $"velocity tax {tax.RateBps} bps")
                    .TreasuryBalances(tax.Balances);
                break;
            default:
                EntityChanges(changes);
                break;
        }
        return changes.Build();
    }

    private static ReadModelChangeSet Genesis(ReadModelChangeSet changes, string userId, string nationality, long amount, IReadOnlyList<AccountBalance> balances)
    {
        if (amount > 0)
        {
            changes.Line(userId, WalletTransactionKinds.Genesis, null, amount, 0, balances, "genesis allocation")
                .Count(Counters.GenesisPaidIn(nationality), amount);
        }
        return changes.TreasuryBalances(balances);
    }
}
