using GxProtocol.DevLedger.Chaincode;

namespace GxProtocol.Ledger.Tests.Chaincode;

/// <summary>
/// An in-memory world state shared by a sequence of transactions: each <see cref="Begin"/> gives a stub for one
/// transaction with its id, time and role, recording its writes and its event. Writes of a refused transaction are
/// discarded, as a Fabric peer discards a failed endorsement.
/// </summary>
public sealed class FakeWorldState
{
    private readonly SortedDictionary<string, byte[]> state = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, byte[]> State => state;

    public FakeChaincodeStub Begin(string transactionId, DateTimeOffset timestamp, string role) => new(this, transactionId, timestamp, role);

    internal void Apply(FakeChaincodeStub stub)
    {
        foreach (var (key, value) in stub.Writes)
            if (value is null) state.Remove(key);
            else state[key] = value;
    }

    internal byte[]? Get(string key) => state.GetValueOrDefault(key);

    internal IEnumerable<KeyValuePair<string, byte[]>> Range(string startKey, string endKey) =>
        state.Where(entry => string.CompareOrdinal(entry.Key, startKey) >= 0 && string.CompareOrdinal(entry.Key, endKey) < 0).ToList();
}

public sealed class FakeChaincodeStub(FakeWorldState world, string transactionId, DateTimeOffset timestamp, string role) : IChaincodeStub
{
    public Dictionary<string, byte[]?> Writes { get; } = new(StringComparer.Ordinal);
    public List<(string Name, byte[] Payload)> Events { get; } = [];

    public string TransactionId => transactionId;
    public DateTimeOffset Timestamp => timestamp;
    public string CreatorMspId => "GxOrgMSP";
    public string CallerRole => role;

    // Like Fabric, a transaction reads the committed state, not its own writes.
    public byte[]? GetState(string key) => world.Get(key);
    public void PutState(string key, byte[] value) => Writes[key] = value;
    public void DeleteState(string key) => Writes[key] = null;
    public IEnumerable<KeyValuePair<string, byte[]>> GetStateByRange(string startKey, string endKey) => world.Range(startKey, endKey);
    public void SetEvent(string name, byte[] payload) => Events.Add((name, payload));
}
