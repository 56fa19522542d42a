using GxProtocol.Fabric.Protos.Peer;

namespace GxProtocol.DevLedger.Engine;

/// <summary>One transaction of a committed block: its validation code and, when VALID, its chaincode event.</summary>
public sealed record CommittedTransactionRecord(string TransactionId, int ValidationCode, ChaincodeEvent? Event);

/// <summary>What the ledger keeps in memory of a block (the envelopes themselves live only in the block file).</summary>
public sealed record CommittedBlock(ulong Number, IReadOnlyList<CommittedTransactionRecord> Transactions);

/// <summary>Where a transaction id was first committed.</summary>
public sealed record TransactionLocation(ulong BlockNumber, int Index, int ValidationCode);
