namespace GxProtocol.DevLedger.Chaincode;

/// <summary>One chaincode function: reads its arguments, applies its rules, commits one event (or answers a query).</summary>
internal delegate ChaincodeResponse ChaincodeHandler(ChaincodeContext context, ChaincodeArgs args);
