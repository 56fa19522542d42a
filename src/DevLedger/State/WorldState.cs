namespace GxProtocol.DevLedger.State;

/// <summary>A committed value and the (block, transaction) that wrote it: Fabric's key version.</summary>
public readonly record struct VersionedValue(byte[] Value, ulong BlockNumber, ulong TransactionNumber);

/// <summary>
/// Committed key/value state with versions. Reads may run concurrently with the single committer; every
/// operation is short, so one lock is enough.
/// </summary>
public sealed class WorldState
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, VersionedValue> _values = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _keys = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _values.Count;
            }
        }
    }

    public bool TryGet(string key, out VersionedValue value)
    {
        lock (_gate)
        {
            return _values.TryGetValue(key, out value);
        }
    }

    /// <summary>Keys in [startKey, endKey) in ordinal order; an empty <paramref name="endKey"/> means no upper bound.</summary>
    public List<KeyValuePair<string, VersionedValue>> Range(string startKey, string endKey)
    {
        var result = new List<KeyValuePair<string, VersionedValue>>();
        lock (_gate)
        {
            if (_keys.Count == 0)
            {
                return result;
            }
            string upper = _keys.Max!;
            if (StringComparer.Ordinal.Compare(startKey, upper) > 0
                || (endKey.Length > 0 && StringComparer.Ordinal.Compare(startKey, endKey) >= 0))
            {
                return result;
            }
            foreach (string key in _keys.GetViewBetween(startKey, upper))
            {
                if (endKey.Length > 0 && StringComparer.Ordinal.Compare(key, endKey) >= 0)
                {
                    break;
                }
                result.Add(new(key, _values[key]));
            }
        }
        return result;
    }

    public void Put(string key, byte[] value, ulong blockNumber, ulong transactionNumber)
    {
        lock (_gate)
        {
            _values[key] = new VersionedValue(value, blockNumber, transactionNumber);
            _keys.Add(key);
        }
    }

    public void Delete(string key)
    {
        lock (_gate)
        {
            _values.Remove(key);
            _keys.Remove(key);
        }
    }
}
