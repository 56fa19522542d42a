namespace GxProtocol.Contract;

/// <summary>A malformed or invalid argument of a contract function; the message names the argument. The chaincode answers it with 400.</summary>
public sealed class ContractArgumentException(string message) : Exception(message);
