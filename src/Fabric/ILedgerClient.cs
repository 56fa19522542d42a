namespace GxProtocol.Fabric;

/// <summary>
/// What the backend needs from a Fabric Gateway peer: evaluate a query, submit a transaction and
/// wait for its commit, look up a commit status, and read chaincode events from a checkpoint.
/// </summary>
public interface ILedgerClient
{
    /// <summary>The transaction id a proposal built for <paramref name="commandId"/> carries; stable across resubmissions.</summary>
    string TransactionIdFor(string commandId);

    /// <summary>Runs a query on one peer; nothing is written to the ledger.</summary>
    Task<byte[]> EvaluateAsync(string transactionName, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default);

    /// <summary>
    /// Endorse, submit and wait for the commit of one transaction whose nonce is derived from
    /// <paramref name="commandId"/>. Throws <see cref="LedgerEndorsementException"/> when the chaincode or
    /// the endorsers refuse, <see cref="LedgerCommitException"/> when the transaction is committed invalid
    /// (including DUPLICATE_TXID), <see cref="LedgerUnavailableException"/> for transient transport faults.
    /// </summary>
    Task<CommittedTransaction> SubmitAsync(string commandId, string transactionName, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default);

    /// <summary>The validation code and block of a transaction id, waiting until it is committed.</summary>
    Task<CommitOutcome> GetCommitStatusAsync(string transactionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Chaincode events in ledger order, starting after <paramref name="checkpoint"/> (or at the next commit
    /// when it is null). Resuming in the middle of a block skips only the events at or before the
    /// checkpoint's transaction in that block.
    /// </summary>
    IAsyncEnumerable<LedgerEvent> ReadEventsAsync(LedgerCheckpoint? checkpoint, CancellationToken cancellationToken = default);
}

/// <summary>A transaction committed VALID, with what the chaincode returned.</summary>
public sealed record CommittedTransaction(string TransactionId, ulong BlockNumber, byte[] Result);

/// <summary>The commit status of a transaction: <see cref="ValidationCode"/> 0 is VALID.</summary>
public sealed record CommitOutcome(string TransactionId, ulong BlockNumber, int ValidationCode)
{
    public bool IsValid => ValidationCode == TxValidationCodes.Valid;
}

/// <summary>One chaincode event with its position on the ledger.</summary>
public sealed record LedgerEvent(ulong BlockNumber, string TransactionId, string ChaincodeName, string EventName, byte[] Payload)
{
    public LedgerCheckpoint Position => new(BlockNumber, TransactionId);
}

/// <summary>
/// Where an event reader resumes: the last fully processed transaction of <see cref="BlockNumber"/>.
/// A null <see cref="TransactionId"/> means nothing of that block has been processed yet.
/// </summary>
public sealed record LedgerCheckpoint(ulong BlockNumber, string? TransactionId);

/// <summary>Fabric's TxValidationCode values that the backend acts on.</summary>
public static class TxValidationCodes
{
    public const int Valid = 0;
    public const int DuplicateTxId = 9;
    public const int EndorsementPolicyFailure = 10;
    public const int MvccReadConflict = 11;
    public const int PhantomReadConflict = 12;
}
