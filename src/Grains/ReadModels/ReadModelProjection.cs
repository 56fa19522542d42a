using GxProtocol.Fabric.Contract;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.ReadModels;

namespace GxProtocol.Grains.ReadModels;

/// <summary>Turns a chaincode event into read-model rows. Pure: the same event always gives the same rows.</summary>
public static class ReadModelProjection
{
    public static ReadModelChanges ChangesFor(LedgerEventEnvelope ledgerEvent) => ledgerEvent.EventName switch
    {
        nameof(UserCreated) => GenesisLines(ledgerEvent, LedgerEventJson.Deserialize<UserCreated>(ledgerEvent.Payload)),
        nameof(TransferWithFeesCompleted) => TransferLines(ledgerEvent, LedgerEventJson.Deserialize<TransferWithFeesCompleted>(ledgerEvent.Payload)),
        _ => ReadModelChanges.None,
    };

    private static ReadModelChanges GenesisLines(LedgerEventEnvelope e, UserCreated created)
    {
        if (created.GenesisAmount == 0 || !Guid.TryParse(created.UserId, out var userId))
        {
            return ReadModelChanges.None;
        }
        var line = Line(e, WalletTransactionKinds.Genesis, null, created.GenesisAmount, 0, BalanceOf(created.Balances, created.UserId), "genesis allocation");
        return new ReadModelChanges([new WalletLine(userId, line)]);
    }

    private static ReadModelChanges TransferLines(LedgerEventEnvelope e, TransferWithFeesCompleted transfer)
    {
        var lines = new List<WalletLine>(2);
        if (Guid.TryParse(transfer.From, out var from))
        {
            var sent = Line(e, WalletTransactionKinds.TransferOut, transfer.To, -(transfer.Amount + transfer.FeeFromSender),
                transfer.FeeFromSender, BalanceOf(transfer.Balances, transfer.From), transfer.Remark);
            lines.Add(new WalletLine(from, sent));
        }
        if (Guid.TryParse(transfer.To, out var to))
        {
            var received = Line(e, WalletTransactionKinds.TransferIn, transfer.From, transfer.NetReceived,
                transfer.FeeFromReceiver, BalanceOf(transfer.Balances, transfer.To), transfer.Remark);
            lines.Add(new WalletLine(to, received));
        }
        return new ReadModelChanges(lines);
    }

    private static WalletTransactionView Line(LedgerEventEnvelope e, string kind, string? counterparty, long amount, long fee, long balanceAfter, string? remark) =>
        new(e.TransactionId, e.Position.Block, kind, counterparty, amount, fee, balanceAfter, remark, e.ObservedAt, 0);

    private static long BalanceOf(IReadOnlyList<AccountBalance> balances, string account) =>
        balances.FirstOrDefault(b => b.Account == account)?.Balance ?? 0;
}
