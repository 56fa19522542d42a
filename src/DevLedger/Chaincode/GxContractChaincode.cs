namespace GxProtocol.DevLedger.Chaincode;

/// <summary>The GX chaincode: the seven contracts of API.md, dispatched by transaction name.</summary>
public sealed class GxContractChaincode : IChaincode
{
    public ChaincodeResponse Invoke(IChaincodeStub stub, string function, IReadOnlyList<string> arguments) =>
        ChaincodeResponse.Error(501, $"Function {function} is not implemented yet.");
}
