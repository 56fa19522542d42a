using System.Text.Json;
using GxProtocol.Contract;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.ReadModels;

namespace GxProtocol.Grains.ReadModels;

/// <summary>Collects the read-model changes of one ledger event.</summary>
internal sealed class ReadModelChangeSet(LedgerEventEnvelope ledgerEvent)
{
    private readonly List<WalletLine> _lines = [];
    private readonly List<DocumentPatch> _documents = [];
    private readonly List<CounterDelta> _counters = [];

    public LedgerEventEnvelope Event => ledgerEvent;

    /// <summary>A history line for <paramref name="account"/> when it is a user's wallet (organizations and pools keep none).</summary>
    public ReadModelChangeSet Line(string account, string kind, string? counterparty, long amount, long fee, IReadOnlyList<AccountBalance> balances, string? remark)
    {
        if (Guid.TryParse(account, out var userId))
        {
            var balanceAfter = balances.FirstOrDefault(b => b.Account == account)?.Balance ?? 0;
            _lines.Add(new WalletLine(userId, new WalletTransactionView(
                ledgerEvent.TransactionId, ledgerEvent.Position.Block, kind, counterparty, amount, fee, balanceAfter, remark, ledgerEvent.ObservedAt, 0)));
        }
        return this;
    }

    /// <summary>Merges <paramref name="fields"/> (serialized camelCase, nulls left out) into a document.</summary>
    public ReadModelChangeSet Patch(string collection, string id, object fields, string? partition = null, string? status = null)
    {
        _documents.Add(new DocumentPatch(collection, id, partition, status, JsonSerializer.Serialize(fields, LedgerEventJson.Options)));
        return this;
    }

    public ReadModelChangeSet Count(string counter, long delta = 1)
    {
        _counters.Add(new CounterDelta(counter, delta));
        return this;
    }

    /// <summary>Every national treasury the event lists a balance for.</summary>
    public ReadModelChangeSet TreasuryBalances(IReadOnlyList<AccountBalance> balances)
    {
        foreach (var balance in balances.Where(b => b.Account.StartsWith(GxSupply.TreasuryPrefix, StringComparison.Ordinal)))
        {
            var countryCode = balance.Account[GxSupply.TreasuryPrefix.Length..];
            Patch(ReadModelCollections.Treasuries, countryCode, new { countryCode, balance = balance.Balance }, ReadModelCollections.All);
        }
        return this;
    }

    public ReadModelChanges Build() => new(_lines, _documents, _counters);
}
