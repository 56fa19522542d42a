using GxProtocol.Contract;
using GxProtocol.DevLedger.Chaincode.Contracts;

namespace GxProtocol.DevLedger.Chaincode;

/// <summary>
/// The GX chaincode: the seven contracts of API.md, dispatched by transaction name (<c>Contract:Function</c>).
/// Business refusals come back as 400/403/404/409 with a message; an unexpected fault as 500. No exception escapes,
/// and a refused or faulted invocation writes nothing (writes are buffered until the function commits).
/// </summary>
public sealed class GxContractChaincode : IChaincode
{
    private static readonly IReadOnlyDictionary<string, ChaincodeHandler> Handlers =
        AdminContract.Functions
            .Concat(IdentityContract.Functions)
            .Concat(TokenomicsContract.Functions)
            .Concat(OrganizationContract.Functions)
            .Concat(LoanPoolContract.Functions)
            .Concat(GovernanceContract.Functions)
            .Concat(TaxAndFeeContract.Functions)
            .Concat(BlindCreditFolding.Functions)
            .ToDictionary(entry => entry.Function, entry => entry.Handler, StringComparer.Ordinal);

    public ChaincodeResponse Invoke(IChaincodeStub stub, string function, IReadOnlyList<string> arguments)
    {
        if (!Handlers.TryGetValue(function, out var handler))
        {
            return ChaincodeResponse.Error(400, $"Unknown function '{function}'; expected Contract:Function of the GX chaincode.");
        }

        try
        {
            return handler(new ChaincodeContext(stub), new ContractArgs(function, arguments));
        }
        catch (ChaincodeRejection rejection)
        {
            return ChaincodeResponse.Error(rejection.Status, rejection.Message);
        }
        catch (ContractArgumentException malformed)
        {
            return ChaincodeResponse.Error(400, malformed.Message);
        }
        catch (Exception fault)
        {
            return ChaincodeResponse.Error(500, $"{function} failed: {fault.GetType().Name}: {fault.Message}");
        }
    }
}
