using GxProtocol.Contract;

namespace GxProtocol.DevLedger.Chaincode;

/// <summary>One chaincode function: reads its arguments (its record's Parse, in src/Contract), applies its rules, commits one event (or answers a query).</summary>
internal delegate ChaincodeResponse ChaincodeHandler(ChaincodeContext context, ContractArgs args);
