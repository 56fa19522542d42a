using System.Globalization;
using System.Text;
using GxProtocol.DevLedger.Chaincode;

namespace GxProtocol.Ledger.Tests.Gateway;

/// <summary>
/// A tiny chaincode for gateway tests, independent of the GX rules: KV:Put(key, value), KV:Get(key),
/// KV:Transfer(from, to, amount) over integer balances, KV:Count(startKey, endKey) and KV:Fail(status, message).
/// Every write sets one event; Put sets two to prove the last one wins.
/// </summary>
public sealed class KeyValueChaincode : IChaincode
{
    public ChaincodeResponse Invoke(IChaincodeStub stub, string function, IReadOnlyList<string> arguments)
    {
        switch (function)
        {
            case "KV:Put":
                stub.PutState(arguments[0], Encoding.UTF8.GetBytes(arguments[1]));
                stub.SetEvent("Ignored", []);
                stub.SetEvent("Put", Encoding.UTF8.GetBytes($"{arguments[0]}={arguments[1]}"));
                return ChaincodeResponse.Success(Encoding.UTF8.GetBytes(stub.TransactionId));
            case "KV:Get":
                return ChaincodeResponse.Success(stub.GetState(arguments[0]) ?? []);
            case "KV:Transfer":
                long amount = long.Parse(arguments[2], CultureInfo.InvariantCulture);
                long from = Balance(stub, arguments[0]);
                if (from < amount)
                {
                    return ChaincodeResponse.Error(400, $"insufficient balance in {arguments[0]}");
                }
                long to = Balance(stub, arguments[1]);
                stub.PutState(arguments[0], Encoding.UTF8.GetBytes((from - amount).ToString(CultureInfo.InvariantCulture)));
                stub.PutState(arguments[1], Encoding.UTF8.GetBytes((to + amount).ToString(CultureInfo.InvariantCulture)));
                stub.SetEvent("Transferred", Encoding.UTF8.GetBytes($"{arguments[0]}->{arguments[1]}:{amount}"));
                return ChaincodeResponse.Success();
            case "KV:Count":
                return ChaincodeResponse.Success(Encoding.UTF8.GetBytes(stub.GetStateByRange(arguments[0], arguments[1]).Count().ToString(CultureInfo.InvariantCulture)));
            case "KV:CountThenPut":
                int count = stub.GetStateByRange(arguments[0], arguments[1]).Count();
                stub.PutState(arguments[2], Encoding.UTF8.GetBytes(count.ToString(CultureInfo.InvariantCulture)));
                return ChaincodeResponse.Success();
            case "KV:Fail":
                return ChaincodeResponse.Error(int.Parse(arguments[0], CultureInfo.InvariantCulture), arguments[1]);
            case "KV:Whoami":
                return ChaincodeResponse.Success(Encoding.UTF8.GetBytes($"{stub.CreatorMspId}/{stub.CallerRole}"));
            default:
                return ChaincodeResponse.Error(404, $"unknown function {function}");
        }
    }

    private static long Balance(IChaincodeStub stub, string key) =>
        stub.GetState(key) is { } value ? long.Parse(Encoding.UTF8.GetString(value), CultureInfo.InvariantCulture) : 0;
}
