using GxProtocol.DevLedger.Chaincode;

namespace GxProtocol.LedgerBench;

/// <summary>
/// Writes one fresh key per transaction and sets one event: measures the ledger pipeline (signatures, endorsement,
/// ordering, validation, commit) without contention or business rules getting in the way.
/// </summary>
public sealed class UniqueKeyChaincode : IChaincode
{
    public ChaincodeResponse Invoke(IChaincodeStub stub, string function, IReadOnlyList<string> arguments)
    {
        _ = stub.GetState(arguments[0]);
        stub.PutState(arguments[0], System.Text.Encoding.UTF8.GetBytes(arguments[1]));
        stub.SetEvent("Written", System.Text.Encoding.UTF8.GetBytes(arguments[0]));
        return ChaincodeResponse.Success();
    }
}
