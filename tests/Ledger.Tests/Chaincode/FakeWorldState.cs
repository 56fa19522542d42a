namespace GxProtocol.Ledger.Tests.Chaincode;

/// <summary>
/// An in-memory world state shared by a sequence of transactions: each <see cref="Begin"/> gives a stub for one
/// transaction with its id, time and role, recording its writes and its event. Writes of a refused transaction are
/// discarded, as a Fabric peer discards a failed endorsement.
/// </summary>
public sealed class FakeWorldState
{
    private readonly SortedDictionary<string, byte[]> _state = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, byte[]> State => _state;

    public FakeChaincodeStub Begin(string transactionId, DateTimeOffset timestamp, string role) => new(this, transactionId, timestamp, role);

    internal void Apply(FakeChaincodeStub stub)
    {
        foreach (var (key, value) in stub.Writes)
        {
            if (value is null)
            {
                _state.Remove(key);
            }
            else
            {
                _state[key] = value;
            }
        }
    }

    internal byte[]? Get(string key) => _state.GetValueOrDefault(key);

    internal IEnumerable<KeyValuePair<string, byte[]>> Range(string startKey, string endKey) =>
        _state.Where(entry => string.CompareOrdinal(entry.Key, startKey) >= 0 && string.CompareOrdinal(entry.Key, endKey) < 0).ToList();
}
