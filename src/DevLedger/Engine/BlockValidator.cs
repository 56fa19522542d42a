using GxProtocol.DevLedger.State;
using GxProtocol.Fabric.Protos.Ledger.Rwset.Kvrwset;
using GxProtocol.Fabric.Protos.Peer;

namespace GxProtocol.DevLedger.Engine;

/// <summary>
/// The committer's validation of one transaction, in block order, against state that already holds the writes of
/// earlier valid transactions: the pre-validation verdict, duplicate transaction ids, injected policy and MVCC
/// faults, then MVCC read and phantom-read checks. Apart from the committer so the rules a Fabric peer applies read
/// in one place, free of block building and threading.
/// </summary>
internal sealed class BlockValidator(WorldState state, Chain chain, FaultInjector faults)
{
    private readonly WorldState _state = state;
    private readonly Chain _chain = chain;
    private readonly FaultInjector _faults = faults;

    /// <summary>The validation code of <paramref name="pending"/>; <paramref name="seenInBlock"/> collects the block's transaction ids.</summary>
    public int Validate(PendingTransaction pending, HashSet<string> seenInBlock)
    {
        bool firstInBlock = seenInBlock.Add(pending.Envelope.TransactionId);
        if (pending.PreValidationCode != (int)TxValidationCode.Valid)
        {
            return pending.PreValidationCode;
        }
        if (!firstInBlock || _chain.Contains(pending.Envelope.TransactionId))
        {
            return (int)TxValidationCode.DuplicateTxid;
        }
        if (_faults.ForceEndorsementPolicyFailure())
        {
            return (int)TxValidationCode.EndorsementPolicyFailure;
        }
        if (_faults.ForceMvccConflict())
        {
            return (int)TxValidationCode.MvccReadConflict;
        }
        var readWriteSet = pending.Envelope.ReadWriteSet;
        foreach (var read in readWriteSet.Reads)
        {
            if (!SameVersion(read))
            {
                return (int)TxValidationCode.MvccReadConflict;
            }
        }
        foreach (var range in readWriteSet.RangeQueriesInfo)
        {
            var current = _state.Range(range.StartKey, range.EndKey);
            var recorded = range.RawReads?.KvReads ?? [];
            if (current.Count != recorded.Count || current.Zip(recorded).Any(pair =>
                pair.First.Key != pair.Second.Key
                || pair.First.Value.BlockNumber != pair.Second.Version?.BlockNum
                || pair.First.Value.TransactionNumber != pair.Second.Version?.TxNum))
            {
                return (int)TxValidationCode.PhantomReadConflict;
            }
        }
        return (int)TxValidationCode.Valid;
    }

    private bool SameVersion(KVRead read)
    {
        bool exists = _state.TryGet(read.Key, out var current);
        if (read.Version is null)
        {
            return !exists;
        }
        return exists && current.BlockNumber == read.Version.BlockNum && current.TransactionNumber == read.Version.TxNum;
    }
}
