using System.Collections.Concurrent;

namespace GxProtocol.Grains.Outbox;

/// <summary>The embedded default's outbox rows. Rows are immutable records, so a caller never changes a stored row in place.</summary>
public sealed class InMemoryOutboxStore : IOutboxStore
{
    private readonly ConcurrentDictionary<Guid, OutboxRow> _rows = new();
    private readonly ConcurrentDictionary<GrainId, ConcurrentDictionary<Guid, byte>> _unfinishedByOrigin = new();

    public Task<OutboxRow?> AddAsync(OutboxRow row)
    {
        if (!_rows.TryAdd(row.CommandId, row))
        {
            return Task.FromResult<OutboxRow?>(_rows[row.CommandId]);
        }
        Index(row);
        return Task.FromResult<OutboxRow?>(null);
    }

    public Task UpdateAsync(OutboxRow row)
    {
        if (!_rows.ContainsKey(row.CommandId))
        {
            throw new InvalidOperationException($"Outbox row {row.CommandId} does not exist.");
        }
        _rows[row.CommandId] = row;
        Index(row);
        return Task.CompletedTask;
    }

    public Task<OutboxRow?> GetAsync(Guid commandId) => Task.FromResult(_rows.GetValueOrDefault(commandId));

    public Task<IReadOnlyList<OutboxRow>> LoadUnfinishedAsync(long shard) =>
        Task.FromResult(InAcceptanceOrder(_rows.Values.Where(r => r.Shard == shard && !r.IsFinished)));

    public Task<IReadOnlyList<OutboxRow>> LoadUnfinishedAsync(GrainId origin) =>
        Task.FromResult(InAcceptanceOrder(_unfinishedByOrigin.TryGetValue(origin, out var ids)
            ? ids.Keys.Select(id => _rows.GetValueOrDefault(id)).OfType<OutboxRow>().Where(r => !r.IsFinished)
            : []));

    public Task<int> PurgeFinishedAsync(DateTimeOffset finishedBefore)
    {
        var purged = 0;
        foreach (var row in _rows.Values.Where(r => r.IsFinished && r.CompletedAt < finishedBefore))
        {
            purged += _rows.TryRemove(row.CommandId, out _) ? 1 : 0;
        }
        return Task.FromResult(purged);
    }

    private void Index(OutboxRow row)
    {
        var ids = _unfinishedByOrigin.GetOrAdd(row.Command.Origin, _ => new ConcurrentDictionary<Guid, byte>());
        if (row.IsFinished)
        {
            ids.TryRemove(row.CommandId, out _);
        }
        else
        {
            ids.TryAdd(row.CommandId, 0);
        }
    }

    private static IReadOnlyList<OutboxRow> InAcceptanceOrder(IEnumerable<OutboxRow> rows) => rows.OrderBy(r => r.Command.AcceptedAt).ToList();
}
