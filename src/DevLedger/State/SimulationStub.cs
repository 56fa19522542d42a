using Google.Protobuf;
using GxProtocol.DevLedger.Chaincode;
using GxProtocol.Fabric.Protos.Ledger.Rwset;
using GxProtocol.Fabric.Protos.Ledger.Rwset.Kvrwset;
using GxProtocol.Fabric.Protos.Peer;

namespace GxProtocol.DevLedger.State;

/// <summary>
/// The stub a chaincode sees while a proposal is simulated. Like Fabric's transaction simulator it reads committed
/// state only (a transaction does not read its own writes), records the version of every key read and every range
/// scanned, keeps the last write per key, and keeps only the last event set.
/// </summary>
internal sealed class SimulationStub(
    WorldState state,
    string transactionId,
    DateTimeOffset timestamp,
    string creatorMspId,
    string callerRole) : IChaincodeStub
{
    private readonly SortedDictionary<string, KVRead> _reads = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, KVWrite> _writes = new(StringComparer.Ordinal);
    private readonly List<RangeQueryInfo> _rangeQueries = [];
    private (string Name, byte[] Payload)? _chaincodeEvent;

    public string TransactionId => transactionId;
    public DateTimeOffset Timestamp => timestamp;
    public string CreatorMspId => creatorMspId;
    public string CallerRole => callerRole;

    public byte[]? GetState(string key)
    {
        RequireKey(key);
        bool found = state.TryGet(key, out var current);
        if (!_reads.ContainsKey(key))
        {
            _reads[key] = new KVRead { Key = key, Version = found ? VersionOf(current) : null };
        }
        return found ? current.Value : null;
    }

    public void PutState(string key, byte[] value)
    {
        RequireKey(key);
        ArgumentNullException.ThrowIfNull(value);
        _writes[key] = new KVWrite { Key = key, Value = ByteString.CopyFrom(value) };
    }

    public void DeleteState(string key)
    {
        RequireKey(key);
        _writes[key] = new KVWrite { Key = key, IsDelete = true };
    }

    public IEnumerable<KeyValuePair<string, byte[]>> GetStateByRange(string startKey, string endKey)
    {
        var entries = state.Range(startKey, endKey);
        var query = new RangeQueryInfo { StartKey = startKey, EndKey = endKey, ItrExhausted = true, RawReads = new QueryReads() };
        query.RawReads.KvReads.AddRange(entries.Select(entry => new KVRead { Key = entry.Key, Version = VersionOf(entry.Value) }));
        _rangeQueries.Add(query);
        return entries.Select(entry => new KeyValuePair<string, byte[]>(entry.Key, entry.Value.Value)).ToList();
    }

    public void SetEvent(string name, byte[] payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _chaincodeEvent = (name, payload ?? []);
    }

    /// <summary>The rwset.TxReadWriteSet bytes that go into ChaincodeAction.results.</summary>
    public ByteString BuildResults(string chaincodeName)
    {
        var kv = new KVRWSet();
        kv.Reads.AddRange(_reads.Values);
        kv.RangeQueriesInfo.AddRange(_rangeQueries);
        kv.Writes.AddRange(_writes.Values);
        var readWriteSet = new TxReadWriteSet { DataModel = TxReadWriteSet.Types.DataModel.Kv };
        readWriteSet.NsRwset.Add(new NsReadWriteSet { Namespace = chaincodeName, Rwset = kv.ToByteString() });
        return readWriteSet.ToByteString();
    }

    /// <summary>The serialized ChaincodeEvent that goes into ChaincodeAction.events (empty when none was set).</summary>
    public ByteString BuildEvents(string chaincodeName) =>
        _chaincodeEvent is { } set
            ? new ChaincodeEvent { ChaincodeId = chaincodeName, TxId = transactionId, EventName = set.Name, Payload = ByteString.CopyFrom(set.Payload) }.ToByteString()
            : ByteString.Empty;

    public static Fabric.Protos.Ledger.Rwset.Kvrwset.Version VersionOf(VersionedValue value) =>
        new() { BlockNum = value.BlockNumber, TxNum = value.TransactionNumber };

    private static void RequireKey(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("A state key must not be empty.", nameof(key));
        }
    }
}
