namespace GxProtocol.DevLedger.Chaincode.State;

/// <summary>Remembers an applied TransferWithFees command id, so the same command can never move money twice.</summary>
internal sealed record TransferCommandState(string CommandId, string TransactionId);
