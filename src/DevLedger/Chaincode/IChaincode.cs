namespace GxProtocol.DevLedger.Chaincode;

/// <summary>A chaincode: one entry point that dispatches on the transaction name (<c>Contract:Function</c>).</summary>
public interface IChaincode
{
    ChaincodeResponse Invoke(IChaincodeStub stub, string function, IReadOnlyList<string> arguments);
}

/// <summary>
/// The chaincode's view of one transaction, like Fabric's shim stub: reads and writes go through it so the
/// ledger can record the read/write set; time and identifiers come only from the transaction.
/// </summary>
public interface IChaincodeStub
{
    string TransactionId { get; }
    DateTimeOffset Timestamp { get; }
    string CreatorMspId { get; }

    /// <summary>The role the ledger's configuration maps the creator to: super_admin, admin or partner_api.</summary>
    string CallerRole { get; }

    byte[]? GetState(string key);
    void PutState(string key, byte[] value);
    void DeleteState(string key);

    /// <summary>Keys in [startKey, endKey) in ordinal order.</summary>
    IEnumerable<KeyValuePair<string, byte[]>> GetStateByRange(string startKey, string endKey);

    /// <summary>Sets the transaction's one chaincode event; a later call replaces an earlier one, as in Fabric.</summary>
    void SetEvent(string name, byte[] payload);
}

/// <summary>What a chaincode invocation returns: status 200 is success, 400/403/404/409 business rejections, 500 faults.</summary>
public readonly record struct ChaincodeResponse(int Status, string Message, byte[] Payload)
{
    public bool IsSuccess => Status is >= 200 and < 400;
    public static ChaincodeResponse Success(byte[]? payload = null) => new(200, "", payload ?? []);
    public static ChaincodeResponse Error(int status, string message) => new(status, message, []);
}
