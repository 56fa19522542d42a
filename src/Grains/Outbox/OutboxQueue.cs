namespace GxProtocol.Grains.Outbox;

/// <summary>
/// An outbox shard's working queue in memory: every unfinished row, and per originating aggregate the commands
/// waiting their turn in the order it accepted them. One command per aggregate is in flight at a time, so a later
/// command of a wallet never races an earlier one to the ledger. Every operation is O(1) whatever the queue's length.
/// </summary>
internal sealed class OutboxQueue
{
    private readonly Dictionary<Guid, OutboxRow> _rows = [];
    private readonly Dictionary<GrainId, LinkedList<Guid>> _waitingByOrigin = [];
    private readonly Queue<GrainId> _readyOrigins = new();
    private readonly HashSet<GrainId> _inReadyQueue = [];
    private readonly HashSet<GrainId> _busyOrigins = [];

    public int Count => _rows.Count;

    public IEnumerable<OutboxRow> Rows => _rows.Values;

    public bool TryGet(Guid commandId, out OutboxRow row) => _rows.TryGetValue(commandId, out row!);

    /// <summary>Adds a row to the back of its origin's line (a dead letter waits for an operator instead).</summary>
    public void Add(OutboxRow row)
    {
        _rows[row.CommandId] = row;
        if (!row.DeadLettered)
        {
            Line(row.Command.Origin).AddLast(row.CommandId);
            MarkReady(row.Command.Origin);
        }
    }

    /// <summary>Puts a revived dead letter at the front of its origin's line: it was accepted before those waiting.</summary>
    public void Revive(OutboxRow row)
    {
        _rows[row.CommandId] = row;
        Line(row.Command.Origin).AddFirst(row.CommandId);
        MarkReady(row.Command.Origin);
    }

    /// <summary>Records a changed row (retry bookkeeping, dead letter) without moving it.</summary>
    public void Update(OutboxRow row) => _rows[row.CommandId] = row;

    public void Remove(Guid commandId) => _rows.Remove(commandId);

    /// <summary>The next command whose origin has nothing in flight; its origin is busy until <see cref="Release"/>.</summary>
    public bool TryTakeNext(out OutboxRow row)
    {
        while (_readyOrigins.TryDequeue(out var origin))
        {
            _inReadyQueue.Remove(origin);
            if (_busyOrigins.Contains(origin) || !_waitingByOrigin.TryGetValue(origin, out var line))
            {
                continue;
            }
            var commandId = line.First!.Value;
            line.RemoveFirst();
            if (line.Count == 0)
            {
                _waitingByOrigin.Remove(origin);
            }
            if (!_rows.TryGetValue(commandId, out row!))
            {
                // Finished or cancelled while it waited; its origin may still have others.
                MarkReady(origin);
                continue;
            }
            _busyOrigins.Add(origin);
            return true;
        }
        row = null!;
        return false;
    }

    public void Release(GrainId origin)
    {
        _busyOrigins.Remove(origin);
        MarkReady(origin);
    }

    private LinkedList<Guid> Line(GrainId origin)
    {
        if (!_waitingByOrigin.TryGetValue(origin, out var line))
        {
            _waitingByOrigin[origin] = line = new LinkedList<Guid>();
        }
        return line;
    }

    private void MarkReady(GrainId origin)
    {
        if (!_busyOrigins.Contains(origin) && _waitingByOrigin.ContainsKey(origin) && _inReadyQueue.Add(origin))
        {
            _readyOrigins.Enqueue(origin);
        }
    }
}
