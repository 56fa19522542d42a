using GxProtocol.Fabric.Protos.Peer;

namespace GxProtocol.DevLedger.Engine;

/// <summary>
/// Commits one batch the orderer cut: validates each transaction in block order, applies the writes of the valid
/// ones before the next is validated (so later reads see them, as in Fabric), and appends the block. Runs on the
/// orderer's thread only, which is what makes the block number and the state it validates against consistent.
/// </summary>
internal sealed class BlockCommitter(Chain chain, BlockValidator validator, WriteSetApplier writes, BlockAppender appender, FaultInjector faults)
{
    private readonly Chain _chain = chain;
    private readonly BlockValidator _validator = validator;
    private readonly WriteSetApplier _writes = writes;
    private readonly BlockAppender _appender = appender;
    private readonly FaultInjector _faults = faults;

    /// <summary>Commits <paramref name="batch"/> as the next block; an injected commit delay ends early when the ledger stops.</summary>
    public void Commit(List<PendingTransaction> batch, CancellationToken cancellationToken)
    {
        var delay = _faults.Options.CommitDelay;
        if (delay > TimeSpan.Zero && cancellationToken.WaitHandle.WaitOne(delay))
        {
            throw new OperationCanceledException(cancellationToken);
        }
        ulong number = _chain.Height;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var records = new List<CommittedTransactionRecord>(batch.Count);
        for (int index = 0; index < batch.Count; index++)
        {
            var pending = batch[index];
            int code = _validator.Validate(pending, seen);
            if (code == (int)TxValidationCode.Valid)
            {
                _writes.Apply(pending.Envelope, number, (ulong)index);
            }
            records.Add(new CommittedTransactionRecord(pending.Envelope.TransactionId, code,
                code == (int)TxValidationCode.Valid ? pending.Envelope.Event : null));
        }
        _appender.Append(number, batch.Select(pending => pending.EnvelopeBytes).ToList(), records, persist: true);
    }
}
