using System.Globalization;
using System.Text.Json.Nodes;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.ReadModels;

namespace GxProtocol.Grains.ReadModels;

/// <summary>The embedded default's read models: one process, so a lock and a few collections are enough.</summary>
public sealed partial class InMemoryReadModelStore : IReadModelStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, List<WalletTransactionView>> _walletLines = [];
    private readonly Dictionary<(string Collection, string Id), StoredDocument> _documents = [];
    private readonly Dictionary<string, long> _counters = [];
    private readonly List<(LedgerEventEnvelope Event, string Reason)> _deadLetters = [];
    private LedgerPosition _checkpoint = LedgerPosition.None;
    private long _sequence;

    public Task<LedgerPosition> GetCheckpointAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_checkpoint);
        }
    }

    public Task<bool> ApplyAsync(LedgerPosition position, ReadModelChanges changes, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (position <= _checkpoint)
            {
                return Task.FromResult(false);
            }
            Write(changes);
            _checkpoint = position;
            return Task.FromResult(true);
        }
    }

    public Task<int> ApplyAllAsync(IReadOnlyList<ProjectedEvent> events, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var applied = 0;
            foreach (var projected in events.Where(e => e.Position > _checkpoint))
            {
                Write(projected.Changes);
                _checkpoint = projected.Position;
                applied++;
            }
            return Task.FromResult(applied);
        }
    }

    public Task<bool> ReplaceAsync(LedgerPosition expectedCheckpoint, IReadOnlyList<ReadModelChanges> history, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_checkpoint != expectedCheckpoint)
            {
                return Task.FromResult(false);
            }
            _walletLines.Clear();
            _documents.Clear();
            _counters.Clear();
            foreach (var changes in history)
            {
                Write(changes);
            }
            return Task.FromResult(true);
        }
    }

    public Task RecordDeadLetterAsync(LedgerEventEnvelope ledgerEvent, string reason, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (ledgerEvent.Position > _checkpoint)
            {
                _deadLetters.Add((ledgerEvent, reason));
                _checkpoint = ledgerEvent.Position;
            }
            return Task.CompletedTask;
        }
    }

    public Task<Page<WalletTransactionView>> GetWalletTransactionsAsync(Guid userId, string? cursor, int limit, CancellationToken cancellationToken = default)
    {
        var before = Before(cursor);
        lock (_gate)
        {
            var page = _walletLines.GetValueOrDefault(userId, [])
                .Where(l => l.Sequence < before)
                .OrderByDescending(l => l.Sequence)
                .Take(limit + 1)
                .ToList();
            return Task.FromResult(PageOf(page, limit, l => l.Sequence, l => l));
        }
    }

    public Task<string?> GetDocumentAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_documents.TryGetValue((collection, id), out var document) ? document.Body.ToJsonString() : null);
        }
    }

    public Task<Page<string>> ListDocumentsAsync(string collection, string partition, string? status, string? cursor, int limit, CancellationToken cancellationToken = default)
    {
        var before = Before(cursor);
        lock (_gate)
        {
            var page = _documents
                .Where(d => d.Key.Collection == collection && d.Value.Partition == partition && (status is null || d.Value.Status == status) && d.Value.Sequence < before)
                .Select(d => d.Value)
                .OrderByDescending(d => d.Sequence)
                .Take(limit + 1)
                .ToList();
            return Task.FromResult(PageOf(page, limit, d => d.Sequence, d => d.Body.ToJsonString()));
        }
    }

    public Task<IReadOnlyDictionary<string, long>> GetCountersAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyDictionary<string, long> values = names.Distinct().ToDictionary(n => n, n => _counters.GetValueOrDefault(n));
            return Task.FromResult(values);
        }
    }

    private void Write(ReadModelChanges changes)
    {
        foreach (var (userId, line) in changes.WalletLines)
        {
            if (!_walletLines.TryGetValue(userId, out var lines))
            {
                _walletLines[userId] = lines = [];
            }
            lines.Add(line with { Sequence = ++_sequence });
        }
        foreach (var patch in changes.Documents)
        {
            if (!_documents.TryGetValue((patch.Collection, patch.Id), out var document))
            {
                _documents[(patch.Collection, patch.Id)] = document = new StoredDocument(new JsonObject(), ++_sequence);
            }
            document.Merge(patch);
        }
        foreach (var counter in changes.Counters)
        {
            _counters[counter.Name] = _counters.GetValueOrDefault(counter.Name) + counter.Delta;
        }
    }

    private static long Before(string? cursor) => cursor is null ? long.MaxValue : long.Parse(cursor, CultureInfo.InvariantCulture);

    private static Page<TOut> PageOf<TIn, TOut>(List<TIn> rows, int limit, Func<TIn, long> sequence, Func<TIn, TOut> select)
    {
        var next = rows.Count > limit ? sequence(rows[limit - 1]).ToString(CultureInfo.InvariantCulture) : null;
        return new Page<TOut>(rows.Take(limit).Select(select).ToList(), next);
    }

    private sealed class StoredDocument(JsonObject body, long sequence)
    {
        public JsonObject Body { get; } = body;
        public long Sequence { get; } = sequence;
        public string? Partition { get; private set; }
        public string? Status { get; private set; }

        public void Merge(DocumentPatch patch)
        {
            foreach (var (name, value) in JsonNode.Parse(patch.Json)!.AsObject())
            {
                Body[name] = value?.DeepClone();
            }
            Partition = patch.Partition ?? Partition;
            Status = patch.Status ?? Status;
        }
    }
}
