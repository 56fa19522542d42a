using System.Globalization;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Interfaces.ReadModels;

namespace GxProtocol.Grains.ReadModels;

/// <summary>The embedded default's read models: one process, so a lock and a few lists are enough.</summary>
public sealed class InMemoryReadModelStore : IReadModelStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, List<WalletTransactionView>> _walletLines = [];
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
            AddLines(changes);
            _checkpoint = position;
            return Task.FromResult(true);
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
            foreach (var changes in history)
            {
                AddLines(changes);
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
        var before = cursor is null ? long.MaxValue : long.Parse(cursor, CultureInfo.InvariantCulture);
        lock (_gate)
        {
            var page = _walletLines.GetValueOrDefault(userId, [])
                .Where(l => l.Sequence < before)
                .OrderByDescending(l => l.Sequence)
                .Take(limit + 1)
                .ToList();
            var next = page.Count > limit ? page[limit - 1].Sequence.ToString(CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new Page<WalletTransactionView>(page.Take(limit).ToList(), next));
        }
    }

    private void AddLines(ReadModelChanges changes)
    {
        foreach (var (userId, line) in changes.WalletLines)
        {
            if (!_walletLines.TryGetValue(userId, out var lines))
            {
                _walletLines[userId] = lines = [];
            }
            lines.Add(line with { Sequence = ++_sequence });
        }
    }
}
