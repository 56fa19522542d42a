using GxProtocol.DevLedger.Chaincode;

namespace GxProtocol.Ledger.Tests.Chaincode;

/// <summary>One transaction's stub over a <see cref="FakeWorldState"/>: records its reads, its writes and every SetEvent call.</summary>
public sealed class FakeChaincodeStub(FakeWorldState world, string transactionId, DateTimeOffset timestamp, string role) : IChaincodeStub
{
    public Dictionary<string, byte[]?> Writes { get; } = new(StringComparer.Ordinal);
    public List<(string Name, byte[] Payload)> Events { get; } = [];

    /// <summary>Keys read one by one, and ranges as <c>[start, end)</c>: what a peer would put in the read set.</summary>
    public List<string> Reads { get; } = [];

    public string TransactionId => transactionId;
    public DateTimeOffset Timestamp => timestamp;
    public string CreatorMspId => "GxOrgMSP";
    public string CallerRole => role;

    // Like Fabric, a transaction reads the committed state, not its own writes.
    public byte[]? GetState(string key)
    {
        Reads.Add(key);
        return world.Get(key);
    }

    public void PutState(string key, byte[] value) => Writes[key] = value;
    public void DeleteState(string key) => Writes[key] = null;
    public IEnumerable<KeyValuePair<string, byte[]>> GetStateByRange(string startKey, string endKey)
    {
        Reads.Add($"[{startKey}, {endKey})");
        return world.Range(startKey, endKey);
    }

    public void SetEvent(string name, byte[] payload) => Events.Add((name, payload));
}
